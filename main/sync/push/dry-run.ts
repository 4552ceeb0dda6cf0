import type { Db } from '../../store/db';
import type { Provider } from '../../providers/provider';
import type { DryRunObject, DryRunReport, DryRunSample } from '../../../shared/ipc/channels/sync';
import { asText } from '../mapping/values';
import { callWithRetry, type CallContext } from '../engine/calls';
import { loadRecords, pushOrder, recordLabel, syncCompanies, tableOf } from '../engine/local-records';
import { linksOf } from '../engine/links';
import { buildPush, linkResolver, type BuiltPush } from '../engine/payload';
import { targetsFor, type SyncTarget } from '../engine/targets';
import { changedIds, dependencyIds } from './enqueue-changed';
import { splitBatches } from './split-batches';
import { onlyOf } from './push-job';

export interface DryRunRequest {
  connectionId: string;
  targets: SyncTarget[];
  kinds: string[];
  onlyObjects?: string[];
  all?: boolean;
  samples: number;
}

type Op = DryRunSample['operation'];

interface Planned {
  localId: number;
  label: string | null;
  built: BuiltPush;
  externalId: string | null;
  op: Op;
}

/** Records a push would consider: what changed, what is queued already, and what they depend on. */
function candidates(db: Db, req: DryRunRequest): Map<string, number[]> {
  syncCompanies(db, new Date().toISOString());
  const queued = db.prepare("SELECT local_id FROM sync_queue WHERE connection_id = ? AND local_kind = ? AND direction = 'push' AND state IN ('pending', 'failed', 'running') AND local_id IS NOT NULL").pluck();
  const want = new Map<string, Set<number>>();
  for (const kind of req.kinds) {
    const table = tableOf(kind);
    if (!table) continue;
    const ids = req.all ? (db.prepare(`SELECT id FROM ${table}`).pluck().all() as number[]) : changedIds(db, req.connectionId, req.targets, kind);
    want.set(kind, new Set([...ids, ...(queued.all(req.connectionId, kind) as number[])]));
  }
  for (const kind of [...want.keys()]) {
    for (const [dep, ids] of dependencyIds(db, req.connectionId, req.targets, kind, [...want.get(kind)!])) {
      want.set(dep, new Set([...(want.get(dep) ?? []), ...ids]));
    }
  }
  return new Map([...want].map(([k, v]) => [k, [...v].sort((a, b) => a - b)]));
}

/**
 * What a push would do, per object, without sending a write: unchanged records are skipped,
 * records with a mapping problem are invalid, and the rest are told apart as creates or updates
 * (linked before, or found in the CRM by their match key: reads only). Lookups of records the
 * push would create first are shown unresolved, as they are until that record exists.
 */
export async function dryRun(db: Db, provider: Provider, call: CallContext, req: DryRunRequest): Promise<DryRunReport> {
  const resolve = linkResolver(db, req.connectionId);
  const report: DryRunReport = { connectionId: req.connectionId, provider: provider.id, objects: [], reads: 0 };
  const byObject = new Map<string, { target: SyncTarget; planned: Planned[] }>();
  const ids = candidates(db, req);
  for (const kind of pushOrder(ids.keys())) {
    const list = ids.get(kind) ?? [];
    const records = loadRecords(db, kind, list);
    const kindTargets = req.targets.filter((t) => t.localKind === kind);
    const links = new Map(kindTargets.map((t) => [t.object, linksOf(db, req.connectionId, t.object, kind, list)]));
    for (const id of list) {
      const record = records.get(id);
      if (!record) continue;
      const linked = new Set(kindTargets.filter((t) => links.get(t.object)?.has(id)).map((t) => t.object));
      for (const target of targetsFor(req.targets, kind, record, linked, onlyOf(req.onlyObjects, kindTargets))) {
        const link = links.get(target.object)?.get(id);
        const built = buildPush(target, record, resolve, link);
        const linkedId = link?.status === 'linked' ? link.externalId : null;
        const op: Op = built.error ? 'invalid' : linkedId && link?.lastPushedHash === built.hash ? 'skip' : linkedId ? 'update' : 'create';
        if (!byObject.has(target.object)) byObject.set(target.object, { target, planned: [] });
        byObject.get(target.object)!.planned.push({ localId: id, label: recordLabel(kind, record), built, externalId: linkedId, op });
      }
    }
  }
  for (const { target, planned } of byObject.values()) {
    report.reads += await findCreatesThatExist(provider, call, target, planned);
    report.objects.push(summarise(target, planned, req.samples));
  }
  return report;
}

/** Unlinked records the CRM already holds (by match key or findBy field) would be updates. */
async function findCreatesThatExist(provider: Provider, call: CallContext, target: SyncTarget, planned: Planned[]): Promise<number> {
  let reads = 0;
  for (const key of ['match', 'find'] as const) {
    const open = planned.filter((p) => p.op === 'create' && p.built.payload[key]);
    if (open.length === 0) continue;
    const field = open[0].built.payload[key]!.field;
    const found = new Map<string, string>();
    for (const chunk of splitBatches([...new Set(open.map((p) => p.built.payload[key]!.value))], 200)) {
      reads++;
      const hits = await callWithRetry(call, () => provider.findBy(target.object, field, chunk, [target.meta.idField, field]));
      for (const h of hits) found.set(asText(h.fields[field]).trim().toLowerCase(), h.id);
    }
    for (const p of open) {
      const id = found.get(p.built.payload[key]!.value.trim().toLowerCase());
      if (id) Object.assign(p, { op: 'update' as Op, externalId: id });
    }
  }
  return reads;
}

function summarise(target: SyncTarget, planned: Planned[], samples: number): DryRunObject {
  const count = (op: Op) => planned.filter((p) => p.op === op).length;
  const sample: DryRunSample[] = [];
  for (const op of ['create', 'update', 'invalid', 'skip'] as const) {
    for (const p of planned.filter((x) => x.op === op).slice(0, samples)) {
      sample.push({
        localId: p.localId,
        label: p.label,
        operation: op,
        fields: p.built.payload.fields,
        externalId: p.externalId,
        issues: p.built.payload.issues.map((i) => ({ severity: i.severity, code: i.code, message: i.message, ...(i.crmField ? { crmField: i.crmField } : {}) })),
      });
    }
  }
  return { object: target.object, label: target.label, localKind: target.localKind, create: count('create'), update: count('update'), skip: count('skip'), invalid: count('invalid'), samples: sample };
}
