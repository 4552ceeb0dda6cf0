import type { Db } from './db';
import { nowIso } from './db';
import type { ConnectionConfig } from '../providers/definition';
import type { AccountInfo, ApiUsage, ProviderId } from '../providers/provider';

export type ConnectionStatus = 'connected' | 'needs_reconnect' | 'disconnected';
export type AuthKind = 'oauth' | 'token';

/** A connection as the app knows it. Never holds a secret: tokens live in the keychain. */
export interface ConnectionRecord {
  id: string;
  provider: ProviderId;
  label: string;
  authKind: AuthKind;
  status: ConnectionStatus;
  config: ConnectionConfig;
  account: AccountInfo | null;
  usage: ApiUsage | null;
  lastSyncAt: string | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

interface ConnectionRow {
  id: string;
  provider: string;
  label: string;
  base_url: string | null;
  auth_kind: string;
  status: string;
  account_info: string;
  last_sync_at: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

/** What account_info holds: non-secret settings and what the CRM said about the account. */
interface AccountInfoJson {
  config?: ConnectionConfig;
  account?: AccountInfo | null;
  usage?: ApiUsage | null;
}

function toRecord(r: ConnectionRow): ConnectionRecord {
  const info = JSON.parse(r.account_info || '{}') as AccountInfoJson;
  return {
    id: r.id,
    provider: r.provider as ProviderId,
    label: r.label,
    authKind: r.auth_kind as AuthKind,
    status: r.status as ConnectionStatus,
    config: info.config ?? { authBaseUrl: r.base_url ?? '', apiBaseUrl: r.base_url ?? '' },
    account: info.account ?? null,
    usage: info.usage ?? null,
    lastSyncAt: r.last_sync_at,
    lastError: r.last_error,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const infoJson = (c: Pick<ConnectionRecord, 'config' | 'account' | 'usage'>): string => JSON.stringify({ config: c.config, account: c.account, usage: c.usage } satisfies AccountInfoJson);

export function listConnections(db: Db): ConnectionRecord[] {
  return (db.prepare('SELECT * FROM connections ORDER BY provider, created_at, id').all() as ConnectionRow[]).map(toRecord);
}

export function getConnection(db: Db, id: string): ConnectionRecord | undefined {
  const row = db.prepare('SELECT * FROM connections WHERE id = ?').get(id) as ConnectionRow | undefined;
  return row ? toRecord(row) : undefined;
}

/** Creates the connection or replaces its settings; a reconnect keeps the id, so links and mappings stay attached. */
export function saveConnection(db: Db, c: Omit<ConnectionRecord, 'createdAt' | 'updatedAt' | 'lastSyncAt'>): ConnectionRecord {
  const now = nowIso();
  db.prepare(
    `INSERT INTO connections (id, provider, label, base_url, auth_kind, status, account_info, last_error, created_at, updated_at)
     VALUES (@id, @provider, @label, @base_url, @auth_kind, @status, @account_info, @last_error, @now, @now)
     ON CONFLICT(id) DO UPDATE SET provider = excluded.provider, label = excluded.label, base_url = excluded.base_url,
       auth_kind = excluded.auth_kind, status = excluded.status, account_info = excluded.account_info,
       last_error = excluded.last_error, updated_at = excluded.updated_at`,
  ).run({
    id: c.id,
    provider: c.provider,
    label: c.label,
    base_url: c.config.apiBaseUrl,
    auth_kind: c.authKind,
    status: c.status,
    account_info: infoJson(c),
    last_error: c.lastError,
    now,
  });
  return getConnection(db, c.id)!;
}

export function setConnectionStatus(db: Db, id: string, status: ConnectionStatus, lastError: string | null): void {
  db.prepare('UPDATE connections SET status = ?, last_error = ?, updated_at = ? WHERE id = ?').run(status, lastError, nowIso(), id);
}

/** Stores what a test or a sync learned about the account and its API usage. */
export function setConnectionAccount(db: Db, id: string, account: AccountInfo | null, usage: ApiUsage | null): void {
  const current = getConnection(db, id);
  if (!current) return;
  db.prepare('UPDATE connections SET account_info = ?, updated_at = ? WHERE id = ?').run(
    infoJson({ config: current.config, account: account ?? current.account, usage: usage ?? current.usage }),
    nowIso(),
    id,
  );
}

/** Called by the sync engine after a run against this connection. */
export function markConnectionSynced(db: Db, id: string, at: string = nowIso()): void {
  db.prepare('UPDATE connections SET last_sync_at = ? WHERE id = ?').run(at, id);
}

export function connectionIdsOfProvider(db: Db, provider: string): string[] {
  return (db.prepare('SELECT id FROM connections WHERE provider = ? ORDER BY created_at, id').all(provider) as Array<{ id: string }>).map((r) => r.id);
}
