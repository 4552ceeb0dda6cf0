import { createHash } from 'node:crypto';
import type { Db } from '../../store/db';
import { applyPush, type LookupResolver, type PushPayload } from '../mapping/apply-push';
import type { LocalRecord } from '../mapping/local-fields';
import { pulls, pushes } from '../mapping/model';
import type { MappingIssue } from '../mapping/issues';
import { localIdOf } from './local-records';
import type { Link } from './links';
import type { SyncTarget } from './targets';

/** Finds CRM ids of linked records from the connection's external links (lookups, associations). */
export function linkResolver(db: Db, connectionId: string): LookupResolver {
  const stmt = db.prepare("SELECT external_id FROM external_links WHERE connection_id = ? AND object = ? AND local_kind = ? AND local_id = ? AND status = 'linked'").pluck();
  return ({ object, localKind, key }) => {
    const id = localIdOf(db, localKind, key);
    if (id === undefined) return undefined;
    return (stmt.get(connectionId, object, localKind, id) as string | undefined) ?? undefined;
  };
}

function stable(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stable);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, stable((v as Record<string, unknown>)[k])]));
  return v;
}

/** What was sent, as one short string: equal hashes mean the CRM already has exactly this. */
export const payloadHash = (object: string, fields: Record<string, unknown>): string =>
  createHash('sha1').update(JSON.stringify([object, stable(fields)])).digest('base64url');

export interface BuiltPush {
  payload: PushPayload;
  hash: string;
  /** A blocking problem: do not send (dead letter with the field named). */
  error?: MappingIssue;
  /** A lookup not linked yet: try again after its record is pushed. */
  deferred?: MappingIssue;
  /** Local values of the fields synced both ways, as this push leaves them. */
  synced: Record<string, unknown>;
}

/** The exact payload of one record for one target, its hash, and what it leaves agreed. */
export function buildPush(target: SyncTarget, record: LocalRecord, resolve: LookupResolver, link: Link | undefined): BuiltPush {
  // Built as an upsert (every field, required ones checked) whatever is sent, so the hash of a
  // record does not change with the operation; updates leave create-only fields out when sent.
  const payload = applyPush(target.mapping, target.meta, record, { operation: 'upsert', resolveLookup: resolve });
  return {
    payload,
    hash: payloadHash(target.object, payload.fields),
    error: payload.issues.find((i) => i.severity === 'error'),
    deferred: payload.issues.find((i) => i.severity === 'defer'),
    synced: syncedValues(target, record, link?.syncedValues ?? null),
  };
}

/** The local values of two-way fields after a push (pull-only fields keep what the last pull agreed). */
export function syncedValues(target: SyncTarget, record: LocalRecord, previous: Record<string, unknown> | null): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(previous ?? {}) };
  for (const fm of target.mapping.fields) {
    if (fm.local === undefined || !pulls(fm) || !pushes(fm)) continue;
    out[fm.local] = record[fm.local] ?? null;
  }
  return out;
}
