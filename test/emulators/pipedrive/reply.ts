import { json, type EmuReply } from '../common/http';
import { notFound } from './errors';
import type { Ctx } from './context';
import { entityInfo, type EntityKind, type RecordOf } from './model';

/** Pipedrive's success envelope. */
export const ok = (data: unknown, extra: Record<string, unknown> = {}, status = 200): EmuReply => json(status, { success: true, data, ...extra });

/** The record an `:id` path parameter names (deleted ones included, until purged), or Pipedrive's 404. */
export function recordParam<K extends EntityKind>(ctx: Ctx, kind: K, raw: string, activeOnly = false): RecordOf[K] {
  const id = /^\d+$/.test(raw) ? Number(raw) : NaN;
  const rec = activeOnly ? ctx.store.getActive(kind, id) : ctx.store.get(kind, id);
  if (!rec) throw notFound(entityInfo[kind].label);
  return rec;
}
