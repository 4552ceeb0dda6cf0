import type { Db } from '../../store/db';
import { nowIso } from '../../store/db';
import type { Logger } from '../../log/logger';
import { RateLimitError, TransientError } from '../../providers/errors';
import type { ChangePage, Provider } from '../../providers/provider';
import { readSetting } from '../../store/settings';
import { pullFields } from '../mapping/apply-pull';
import { ConflictPolicy, pulls } from '../mapping/model';
import { call, type CallContext } from '../engine/calls';
import { linkResolver } from '../engine/payload';
import { usable, type SyncTarget } from '../engine/targets';
import type { RunRecorder } from '../runs/recorder';
import { getCursor } from './cursors';
import { emailFields, storePage, type PullContext } from './store-page';

export interface PullRunContext {
  db: Db;
  logger?: Logger;
  connectionId: string;
  provider: Provider;
  call: CallContext;
  recorder: RunRecorder;
  signal: AbortSignal;
  createPeople: boolean;
}

/** Objects a pull reads: enabled mappings with at least one field pulled. */
export const pullable = (t: SyncTarget): boolean => usable(t) && t.mapping.fields.some(pulls);

/** The conflict policy of a mapping, else the app setting, else CRM wins. */
export function policyOf(db: Db, target: SyncTarget): ConflictPolicy {
  if (target.mapping.conflictPolicy) return target.mapping.conflictPolicy;
  const parsed = ConflictPolicy.safeParse(readSetting(db, 'sync.conflictPolicy'));
  return parsed.success ? parsed.data : 'crm-wins';
}

/** Fields a pull asks for: the mapping's pulled fields, plus what finds the local person (email). */
export const fieldsToPull = (target: SyncTarget): string[] => [...new Set([...pullFields(target.mapping, target.meta), ...emailFields(target)])];

const MAX_RESTARTS = 6;

/**
 * Pulls one object's changes since its saved cursor, page by page; each page and the cursor
 * after it are stored together. Passing trouble (5xx, rate limits) restarts from the saved
 * cursor, so nothing is skipped and nothing is stored twice.
 */
export async function pullObject(ctx: PullRunContext, target: SyncTarget): Promise<void> {
  const pctx: PullContext = {
    db: ctx.db,
    logger: ctx.logger,
    connectionId: ctx.connectionId,
    target,
    recorder: ctx.recorder,
    policy: policyOf(ctx.db, target),
    createPeople: ctx.createPeople,
    resolve: linkResolver(ctx.db, ctx.connectionId),
    now: nowIso,
  };
  const fields = fieldsToPull(target);
  for (let restarts = 0; ; restarts++) {
    try {
      await readPages(ctx, target.object, fields, (page) => {
        ctx.recorder.addTotal(page.records.length);
        storePage(pctx, page.records, page.cursor || undefined);
      });
      return;
    } catch (err) {
      const passing = err instanceof TransientError || err instanceof RateLimitError;
      if (!passing || restarts >= MAX_RESTARTS || ctx.signal.aborted) throw err;
      ctx.logger?.warn(`Pull of ${target.object} (${ctx.connectionId}) interrupted (${err.message}); resuming from the saved cursor.`);
      if (err instanceof TransientError) await new Promise((r) => setTimeout(r, 250 * 2 ** restarts));
    }
  }
}

async function readPages(ctx: PullRunContext, object: string, fields: string[], onPage: (p: ChangePage) => void): Promise<void> {
  const it = ctx.provider.changes(object, { fields, cursor: getCursor(ctx.db, ctx.connectionId, object), signal: ctx.signal })[Symbol.asyncIterator]();
  const cc: CallContext = ctx.call;
  for (;;) {
    const next = await call(cc, () => it.next());
    if (next.done) return;
    onPage(next.value);
    if (next.value.done) return;
  }
}

/** Selected CRM records (query runner "pull these") stored like a page, without moving the cursor. */
export async function pullByIds(ctx: PullRunContext, target: SyncTarget, ids: string[]): Promise<number> {
  const pctx: PullContext = {
    db: ctx.db,
    connectionId: ctx.connectionId,
    target,
    recorder: ctx.recorder,
    policy: policyOf(ctx.db, target),
    createPeople: ctx.createPeople,
    resolve: linkResolver(ctx.db, ctx.connectionId),
    now: nowIso,
  };
  const records = await call(ctx.call, () => ctx.provider.getByIds(target.object, ids, fieldsToPull(target)));
  ctx.recorder.addTotal(records.length);
  storePage(pctx, records);
  return records.length;
}
