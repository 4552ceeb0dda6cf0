import { writeFileSync } from 'node:fs';
import type { RegisterCommand } from './index';
import type { CliContext } from '../context';
import { CliUsageError } from '../context';
import type { AppServices } from '../../services/app-services';
import { SyncBusyError, SyncUsageError } from '../../sync/engine/service';
import type { DryRunReport, SyncProgress, SyncRun } from '../../../shared/ipc/channels/sync';

interface PushFlags {
  object?: string;
  dryRun?: boolean;
  all?: boolean;
  samples?: string;
  results?: string;
}

/** Ctrl-C stops the run at the next safe point (unsent records stay queued) instead of killing it. */
export function interruptible(): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const stop = () => {
    process.stderr.write('\nStopping after the batches in flight; unsent records stay in the queue.\n');
    controller.abort(new Error('Interrupted'));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    },
  };
}

/** Progress on stderr (stdout stays the result), at most once a second. */
export function showProgress(c: CliContext, s: AppServices): () => void {
  if (c.json || !process.stderr.isTTY) return () => undefined;
  let last = 0;
  return s.events.subscribe((name, payload) => {
    if (name !== 'syncProgress') return;
    const p = payload as SyncProgress;
    if (Date.now() - last < 1000 && p.phase !== 'done') return;
    last = Date.now();
    process.stderr.write(`${p.phase}: ${p.done.toLocaleString('en')} of ${p.total.toLocaleString('en')} (${Math.round(p.perSecond)}/s)\n`);
  });
}

/** Engine errors the user can act on become usage errors (one line, exit 2). */
export async function usage<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof SyncUsageError || err instanceof SyncBusyError) throw new CliUsageError(err.message);
    throw err;
  }
}

export const runJson = (r: SyncRun) => ({
  runId: r.id,
  status: r.status,
  connectionId: r.connectionId,
  provider: r.provider,
  object: r.object,
  total: r.total,
  created: r.created,
  updated: r.updated,
  unchanged: r.unchanged,
  skipped: r.skipped,
  failed: r.failed,
  deleted: r.deleted,
  conflicts: r.conflicts,
  requests: r.requests,
  message: r.message,
  startedAt: r.startedAt,
  finishedAt: r.finishedAt,
});

function dryRunText(r: DryRunReport): string {
  if (r.objects.length === 0) return 'Nothing to push: every record is unchanged since the last push.';
  const lines = [`Dry run for ${r.connectionId} (no writes sent; ${r.reads} read${r.reads === 1 ? '' : 's'}):`];
  for (const o of r.objects) {
    lines.push(`  ${o.label.padEnd(16)} create ${String(o.create).padStart(6)}   update ${String(o.update).padStart(6)}   skip ${String(o.skip).padStart(6)}   invalid ${String(o.invalid).padStart(6)}`);
    for (const s of o.samples.filter((x) => x.operation === 'invalid').slice(0, 3)) lines.push(`      ${s.label ?? s.localId}: ${s.issues.map((i) => i.message).join('; ')}`);
  }
  return lines.join('\n');
}

/** `push <provider|connectionId>`: what changed goes to the CRM, or --dry-run shows what would. */
export const registerPush: RegisterCommand = (program, ctx) => {
  program
    .command('push')
    .description('push new and changed people, companies and orders to a CRM (or show what would happen with --dry-run)')
    .argument('<target>', 'salesforce | hubspot | pipedrive, or a connection id')
    .option('--object <name>', 'only this object (Contact, contacts, Opportunity, ... or person, company, order)')
    .option('--dry-run', 'count creates, updates and skips per object and show sample payloads; sends no writes')
    .option('--all', 'every record, not only those changed since the last push')
    .option('--samples <n>', 'sample payloads per operation in a dry run', '3')
    .option('--results <file>', 'write the run\'s results (one CSV row per record attempted) to this file')
    .action(async (target: string, flags: PushFlags) => {
      const c = ctx();
      const s = c.open();
      if (flags.dryRun) {
        const samples = Number(flags.samples ?? 3);
        if (!Number.isInteger(samples) || samples < 0 || samples > 20) throw new CliUsageError('--samples must be a whole number from 0 to 20.');
        const report = await usage(() => s.sync.dryRun({ connectionId: target, object: flags.object, all: flags.all, samples }));
        c.out(report, () => dryRunText(report));
        return;
      }
      const stop = interruptible();
      const unsubscribe = showProgress(c, s);
      try {
        const run = await usage(() => s.sync.push({ connectionId: target, object: flags.object, all: flags.all, trigger: 'cli', signal: stop.signal }));
        if (flags.results) writeFileSync(flags.results, s.sync.runResults(run.id).csv);
        c.out(runJson(run), () => run.message ?? `Push ${run.status}.`);
        if (run.status === 'failed') process.exitCode = 1;
      } finally {
        unsubscribe();
        stop.dispose();
      }
    });
};
