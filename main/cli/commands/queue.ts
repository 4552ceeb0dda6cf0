import type { RegisterCommand } from './index';
import { CliUsageError } from '../context';
import type { AppServices } from '../../services/app-services';
import type { QueueItemView } from '../../../shared/ipc/channels/sync';

interface QueueFlags {
  connection?: string;
  limit?: string;
}

interface ActFlags {
  all?: boolean;
  dead?: boolean;
  connection?: string;
}

function parseIds(ids: string[]): number[] {
  const out = ids.map(Number);
  const bad = ids.find((_, i) => !Number.isInteger(out[i]) || out[i] <= 0);
  if (bad !== undefined) throw new CliUsageError(`"${bad}" is not a queue item id (see \`queue\`).`);
  return out;
}

/** Which items an action targets: ids, every dead letter, or everything retryable / cancellable. */
function selection(s: AppServices, ids: string[], f: ActFlags): { ids?: number[]; all?: boolean; connectionId?: string } {
  const given = [ids.length > 0, f.all === true, f.dead === true].filter(Boolean).length;
  if (given !== 1) throw new CliUsageError('Give item ids, or --all, or --dead (exactly one of them).');
  const connectionId = f.connection ? s.connections.resolveId(f.connection) : undefined;
  if (ids.length) return { ids: parseIds(ids) };
  if (f.dead) {
    const dead = s.db
      .prepare(`SELECT id FROM sync_queue WHERE state = 'dead' ${connectionId ? 'AND connection_id = ?' : ''}`)
      .pluck()
      .all(...(connectionId ? [connectionId] : [])) as number[];
    return { ids: dead };
  }
  return { all: true, connectionId };
}

const line = (i: QueueItemView) =>
  `${String(i.id).padStart(7)}  ${i.state.padEnd(7)} ${i.connectionId.padEnd(12)} ${i.object.padEnd(8)} ${(i.label ?? String(i.localId ?? '')).slice(0, 32).padEnd(32)} ${i.attempts}/${i.maxAttempts}  ${i.errorCode ?? ''}${i.errorField ? ` [${i.errorField}]` : ''} ${i.lastError ?? ''}`;

/** `queue`: counts, throughput and the items with errors; `queue retry|cancel` act on items. */
export const registerQueue: RegisterCommand = (program, ctx) => {
  const queue = program
    .command('queue')
    .description('show the sync queue: counts per state, throughput, failed and dead items with the CRM’s message')
    .option('--connection <id>', 'only this connection (provider name or id)')
    .option('--limit <n>', 'at most this many failed/dead items', '50')
    .action((f: QueueFlags) => {
      const c = ctx();
      const s = c.open();
      const limit = Number(f.limit ?? 50);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new CliUsageError('--limit must be a whole number from 1 to 1000.');
      const connectionId = f.connection ? s.connections.resolveId(f.connection) : undefined;
      const overview = s.sync.queueOverview({ connectionId });
      const items = s.sync.items({ connectionId, states: ['failed', 'dead'], limit });
      c.out({ ...overview, items }, () => {
        const k = overview.counts;
        const head = `pending ${k.pending}   running ${k.running}   failed ${k.failed}   done ${k.done}   dead ${k.dead}   cancelled ${k.cancelled}   throughput ${overview.throughput.perSecond.toFixed(1)}/s (last minute)`;
        const groups = overview.errorGroups.map((g) => `  ${String(g.count).padStart(6)} × ${g.object} ${g.errorCode ?? 'error'}${g.errorField ? ` [${g.errorField}]` : ''}: ${g.sample ?? ''}`);
        return [head, ...(groups.length ? ['Dead letters by cause:', ...groups] : []), ...(items.length ? ['Items with errors:', ...items.map(line)] : [])].join('\n');
      });
    });

  queue
    .command('retry')
    .description('send items back to run now with fresh attempts (moves them out of dead letters)')
    .argument('[ids...]', 'queue item ids')
    .option('--all', 'every dead and failed item')
    .option('--dead', 'every dead letter')
    .option('--connection <id>', 'only this connection')
    .action((ids: string[], f: ActFlags) => {
      const c = ctx();
      const s = c.open();
      const retried = s.sync.retry(selection(s, ids, f));
      c.out({ retried }, () => `${retried} item(s) will run again; push to send them now.`);
    });

  queue
    .command('cancel')
    .description('cancel pending, failed or dead items (running ones finish their attempt)')
    .argument('[ids...]', 'queue item ids')
    .option('--all', 'every pending, failed and dead item')
    .option('--dead', 'every dead letter')
    .option('--connection <id>', 'only this connection')
    .action((ids: string[], f: ActFlags) => {
      const c = ctx();
      const s = c.open();
      const cancelled = s.sync.cancel(selection(s, ids, f));
      c.out({ cancelled }, () => `${cancelled} item(s) cancelled.`);
    });
};
