import type { Db } from '../store/db';
import type { AttentionItem, DashboardAttention } from '../../shared/ipc/channels/dashboard';
import { listConnections, type ConnectionRecord } from '../store/connections';
import { lastFinishedRuns } from './runs';

/** One mapped object whose mapping has errors (what the sync engine would refuse to push). */
export interface MappingProblem {
  object: string;
  label: string;
  errors: string[];
}

export interface AttentionSources {
  db: Db;
  /** Validation of a connection's enabled mappings against its CRM; throws when the CRM cannot be asked. */
  mappingProblems(connectionId: string): Promise<MappingProblem[]>;
  /** How long one connection's check may take before it is reported unchecked (default 10 s). */
  timeoutMs?: number;
  now?: () => number;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

interface DeadGroup {
  connection_id: string;
  object: string;
  error_code: string | null;
  error_field: string | null;
  n: number;
  sample: string | null;
  at: string;
}

/** Dead letters grouped by connection and cause (through the queue's dead-letter index), largest first. */
function deadGroups(db: Db): DeadGroup[] {
  return db
    .prepare(
      `SELECT connection_id, object, error_code, error_field, COUNT(*) AS n, max(last_error) AS sample, max(updated_at) AS at
         FROM sync_queue WHERE state = 'dead'
        GROUP BY connection_id, object, error_code, error_field ORDER BY n DESC LIMIT 50`,
    )
    .all() as DeadGroup[];
}

function deadLetterItem(g: DeadGroup, label: string): AttentionItem {
  const cause = [g.error_code, g.error_field && `on ${g.error_field}`].filter(Boolean).join(' ');
  return {
    id: `dead:${g.connection_id}:${g.object}:${g.error_code ?? ''}:${g.error_field ?? ''}`,
    kind: 'dead-letters',
    severity: 'error',
    connectionId: g.connection_id,
    connectionLabel: label,
    title: `${plural(g.n, 'record')} in ${g.object} failed for good${cause ? `: ${cause}` : ''}`,
    detail: g.sample,
    count: g.n,
    at: g.at,
    action: { kind: 'dead-letters', connectionId: g.connection_id, object: g.object, errorCode: g.error_code, errorField: g.error_field },
  };
}

function reconnectItem(c: ConnectionRecord): AttentionItem {
  return {
    id: `reconnect:${c.id}`,
    kind: 'reconnect',
    severity: 'error',
    connectionId: c.id,
    connectionLabel: c.label,
    title: `${c.label} needs to be reconnected`,
    detail: c.lastError ?? 'The sign-in expired or was revoked; syncs with this CRM wait until you sign in again.',
    count: null,
    at: c.updatedAt,
    action: { kind: 'reconnect', connectionId: c.id, provider: c.provider },
  };
}

/** Failed or partial last runs, per connection and kind; a connection to reconnect is reported once, as that. */
function failedRunItems(db: Db, labels: Map<string, string>, reconnect: Set<string>): AttentionItem[] {
  return lastFinishedRuns(db)
    .filter((r) => (r.status === 'failed' || r.status === 'partial') && labels.has(r.connectionId) && !reconnect.has(r.connectionId))
    .map((r) => ({
      id: `run:${r.connectionId}:${r.kind}`,
      kind: 'failed-run' as const,
      severity: r.status === 'failed' ? ('error' as const) : ('warning' as const),
      connectionId: r.connectionId,
      connectionLabel: labels.get(r.connectionId)!,
      title: r.status === 'failed' ? `The last ${r.kind} failed` : `The last ${r.kind} finished with ${plural(r.failed, 'failure')}`,
      detail: r.message,
      count: r.status === 'partial' ? r.failed : null,
      at: r.finishedAt ?? r.startedAt,
      action: { kind: 'run' as const, connectionId: r.connectionId, runId: r.id, runKind: r.kind },
    }));
}

function mappingItems(c: ConnectionRecord, problems: MappingProblem[]): AttentionItem[] {
  return problems
    .filter((p) => p.errors.length > 0)
    .map((p) => ({
      id: `mapping:${c.id}:${p.object}`,
      kind: 'mapping-errors' as const,
      severity: 'error' as const,
      connectionId: c.id,
      connectionLabel: c.label,
      title: `The ${p.label} mapping has ${plural(p.errors.length, 'error')}`,
      detail: p.errors.slice(0, 2).join(' '),
      count: p.errors.length,
      at: null,
      action: { kind: 'mapping' as const, connectionId: c.id, object: p.object },
    }));
}

const withTimeout = <T>(p: Promise<T>, ms: number): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no answer within ${Math.round(ms / 1000)} s`)), ms);
    t.unref?.();
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (err: unknown) => {
        clearTimeout(t);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });

const RANK: Record<AttentionItem['kind'], number> = { reconnect: 0, 'failed-run': 1, 'mapping-errors': 2, 'dead-letters': 3 };

/**
 * What needs attention, each with the action that fixes it: connections to sign in to again,
 * failed last runs, mappings with errors (asked of each connected CRM, side by side, with a time
 * limit), and dead letters by cause. Errors first, then by kind in that order.
 */
export async function attentionItems(src: AttentionSources): Promise<DashboardAttention> {
  const connections = listConnections(src.db);
  const labels = new Map(connections.map((c) => [c.id, c.label]));
  const toReconnect = connections.filter((c) => c.status === 'needs_reconnect');
  const reconnect = new Set(toReconnect.map((c) => c.id));
  const items: AttentionItem[] = [...toReconnect.map(reconnectItem), ...failedRunItems(src.db, labels, reconnect)];
  const unchecked: DashboardAttention['unchecked'] = [];
  const checks = await Promise.allSettled(
    connections.filter((c) => c.status === 'connected').map(async (c) => ({ c, problems: await withTimeout(src.mappingProblems(c.id), src.timeoutMs ?? 10_000) })),
  );
  const connected = connections.filter((c) => c.status === 'connected');
  checks.forEach((r, i) => {
    if (r.status === 'fulfilled') items.push(...mappingItems(r.value.c, r.value.problems));
    else unchecked.push({ connectionId: connected[i].id, reason: r.reason instanceof Error ? r.reason.message : String(r.reason) });
  });
  for (const g of deadGroups(src.db)) if (labels.has(g.connection_id)) items.push(deadLetterItem(g, labels.get(g.connection_id)!));
  const severity = (i: AttentionItem) => (i.severity === 'error' ? 0 : 1);
  items.sort((a, b) => severity(a) - severity(b) || RANK[a.kind] - RANK[b.kind] || (b.count ?? 0) - (a.count ?? 0));
  return { items, unchecked, checkedAt: new Date(src.now?.() ?? Date.now()).toISOString() };
}
