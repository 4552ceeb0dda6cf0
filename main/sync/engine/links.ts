import type { Db } from '../../store/db';

/**
 * external_links: which CRM record a local record is, per connection and object, with what
 * was last pushed (hash, time) and the values both sides agreed on (for pull conflicts).
 */
export interface Link {
  connectionId: string;
  object: string;
  localKind: string;
  localId: number;
  externalId: string;
  status: string;
  remoteModstamp: string | null;
  lastPushedAt: string | null;
  lastPulledAt: string | null;
  lastPushedHash: string | null;
  /** Local field → value as last synced (both directions). */
  syncedValues: Record<string, unknown> | null;
}

interface LinkRow {
  connection_id: string;
  object: string;
  local_kind: string;
  local_id: number;
  external_id: string;
  status: string;
  remote_modstamp: string | null;
  last_pushed_at: string | null;
  last_pulled_at: string | null;
  last_pushed_hash: string | null;
  synced_values: string | null;
}

const toLink = (r: LinkRow): Link => ({
  connectionId: r.connection_id,
  object: r.object,
  localKind: r.local_kind,
  localId: r.local_id,
  externalId: r.external_id,
  status: r.status,
  remoteModstamp: r.remote_modstamp,
  lastPushedAt: r.last_pushed_at,
  lastPulledAt: r.last_pulled_at,
  lastPushedHash: r.last_pushed_hash,
  syncedValues: r.synced_values ? (JSON.parse(r.synced_values) as Record<string, unknown>) : null,
});

/** Links of many local records to one object, keyed by local id. */
export function linksOf(db: Db, connectionId: string, object: string, localKind: string, ids: readonly number[]): Map<number, Link> {
  if (ids.length === 0) return new Map();
  const rows = db
    .prepare(
      `SELECT * FROM external_links WHERE connection_id = ? AND object = ? AND local_kind = ?
          AND local_id IN (SELECT value FROM json_each(?))`,
    )
    .all(connectionId, object, localKind, JSON.stringify(ids)) as LinkRow[];
  return new Map(rows.map((r) => [r.local_id, toLink(r)]));
}

export function linkByExternalId(db: Db, connectionId: string, object: string, externalId: string): Link | undefined {
  const row = db.prepare('SELECT * FROM external_links WHERE connection_id = ? AND object = ? AND external_id = ?').get(connectionId, object, externalId) as LinkRow | undefined;
  return row ? toLink(row) : undefined;
}

/** Links of several records (any kind) to one object, keyed by external id. */
export function linksByExternalIds(db: Db, connectionId: string, object: string, externalIds: readonly string[]): Map<string, Link> {
  if (externalIds.length === 0) return new Map();
  const rows = db
    .prepare('SELECT * FROM external_links WHERE connection_id = ? AND object = ? AND external_id IN (SELECT value FROM json_each(?))')
    .all(connectionId, object, JSON.stringify(externalIds)) as LinkRow[];
  return new Map(rows.map((r) => [r.external_id, toLink(r)]));
}

export interface PushedLink {
  connectionId: string;
  object: string;
  localKind: string;
  localId: number;
  externalId: string;
  pushedAt: string;
  hash: string;
  syncedValues: Record<string, unknown>;
}

/**
 * Records a successful write. OR REPLACE also drops another local record's link to the same
 * CRM record (one CRM record is one local record per connection and object).
 */
export function savePushedLinks(db: Db, links: readonly PushedLink[]): void {
  const stmt = db.prepare(
    `INSERT OR REPLACE INTO external_links (connection_id, object, local_kind, local_id, external_id, status, remote_modstamp,
                                            last_pushed_at, last_pulled_at, last_pushed_hash, synced_values)
     VALUES (@connectionId, @object, @localKind, @localId, @externalId, 'linked',
             (SELECT remote_modstamp FROM external_links WHERE connection_id = @connectionId AND object = @object AND local_kind = @localKind AND local_id = @localId),
             @pushedAt,
             (SELECT last_pulled_at FROM external_links WHERE connection_id = @connectionId AND object = @object AND local_kind = @localKind AND local_id = @localId),
             @hash, @synced)`,
  );
  for (const l of links) stmt.run({ ...l, synced: JSON.stringify(l.syncedValues) });
}

/** A link found by a pull (matched by email, or a person created from the CRM record). */
export function savePulledLink(db: Db, l: { connectionId: string; object: string; localKind: string; localId: number; externalId: string; modstamp: string | null; at: string; syncedValues: Record<string, unknown> }): void {
  db.prepare(
    `INSERT OR REPLACE INTO external_links (connection_id, object, local_kind, local_id, external_id, status, remote_modstamp, last_pulled_at, synced_values)
     VALUES (?, ?, ?, ?, ?, 'linked', ?, ?, ?)`,
  ).run(l.connectionId, l.object, l.localKind, l.localId, l.externalId, l.modstamp, l.at, JSON.stringify(l.syncedValues));
}

/** After a pull stored a record: its stamp, the agreed values, and (when nothing was pending) the push hash. */
export function updatePulledLink(
  db: Db,
  l: { connectionId: string; object: string; localKind: string; localId: number; modstamp: string | null; at: string; syncedValues: Record<string, unknown>; status?: string },
  pushed?: { hash: string; at: string },
): void {
  db.prepare(
    `UPDATE external_links SET remote_modstamp = coalesce(@modstamp, remote_modstamp), last_pulled_at = @at, synced_values = @synced,
            status = coalesce(@status, status),
            last_pushed_hash = coalesce(@hash, last_pushed_hash), last_pushed_at = coalesce(@pushedAt, last_pushed_at)
      WHERE connection_id = @connectionId AND object = @object AND local_kind = @localKind AND local_id = @localId`,
  ).run({
    connectionId: l.connectionId,
    object: l.object,
    localKind: l.localKind,
    localId: l.localId,
    modstamp: l.modstamp,
    at: l.at,
    synced: JSON.stringify(l.syncedValues),
    status: l.status ?? null,
    hash: pushed?.hash ?? null,
    pushedAt: pushed?.at ?? null,
  });
}

/** Drops a link whose CRM record is gone (so the next push finds or creates it again). */
export function dropLink(db: Db, connectionId: string, object: string, localKind: string, localId: number): void {
  db.prepare('DELETE FROM external_links WHERE connection_id = ? AND object = ? AND local_kind = ? AND local_id = ?').run(connectionId, object, localKind, localId);
}

// ---- associations already made ---------------------------------------------------------------

export interface AssociationKey {
  fromObject: string;
  fromId: string;
  toObject: string;
  toId: string;
}

const assocKey = (a: AssociationKey) => `${a.fromObject}|${a.fromId}|${a.toObject}|${a.toId}`;

/** The subset of `links` not made before. */
export function newAssociations<T extends AssociationKey>(db: Db, connectionId: string, links: readonly T[]): T[] {
  if (links.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT from_object AS fromObject, from_id AS fromId, to_object AS toObject, to_id AS toId FROM sync_associations
        WHERE connection_id = ? AND from_id IN (SELECT value FROM json_each(?))`,
    )
    .all(connectionId, JSON.stringify([...new Set(links.map((l) => l.fromId))])) as AssociationKey[];
  const known = new Set(rows.map(assocKey));
  return links.filter((l) => !known.has(assocKey(l)));
}

export function saveAssociations(db: Db, connectionId: string, links: readonly AssociationKey[], at: string): void {
  const stmt = db.prepare('INSERT OR IGNORE INTO sync_associations (connection_id, from_object, from_id, to_object, to_id, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  for (const l of links) stmt.run(connectionId, l.fromObject, l.fromId, l.toObject, l.toId, at);
}
