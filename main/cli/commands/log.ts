import type { RegisterCommand } from './index';
import { CliUsageError } from '../context';
import { listAudit } from '../../store/audit-log';
import { AuditEntry } from '../../../shared/ipc/channels/log';
import { runJson } from './push';

const limitOf = (v: string | undefined, max: number): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new CliUsageError(`--limit must be a whole number from 1 to ${max}.`);
  return n;
};

/** `log`: the audit log (every push, pull, conflict, queue action, connect...); `runs`: sync runs with counts. */
export const registerLog: RegisterCommand = (program, ctx) => {
  program
    .command('log')
    .description('show the audit log, newest first: what happened, when, to which records, and why it failed')
    .option('--limit <n>', 'at most this many entries', '50')
    .option('--kind <kind>', 'only this kind (sync, connection, import, schedule, system, ...)')
    .option('--outcome <outcome>', 'only ok, error, warning or info')
    .option('--search <text>', 'only entries whose summary contains this')
    .action((f: { limit?: string; kind?: string; outcome?: string; search?: string }) => {
      const c = ctx();
      const limit = limitOf(f.limit ?? '50', 1000);
      const outcome = f.outcome === undefined ? undefined : AuditEntry.shape.outcome.safeParse(f.outcome);
      if (outcome && !outcome.success) throw new CliUsageError('--outcome must be ok, error, warning or info.');
      const s = c.open();
      const { entries, total } = listAudit(s.db, { limit, kind: f.kind, outcome: outcome?.data, search: f.search });
      c.out(entries, () =>
        entries.length === 0
          ? 'The audit log is empty.'
          : [
              ...entries.map((e) => `${e.at.replace('T', ' ').slice(0, 19)}  ${e.outcome.padEnd(7)} ${`${e.kind}/${e.action}`.padEnd(20)} ${e.connectionId ? `[${e.connectionId}] ` : ''}${e.summary}`),
              `${entries.length} of ${total} entries`,
            ].join('\n'),
      );
    });

  program
    .command('runs')
    .description('show recent push and pull runs with their counts')
    .option('--limit <n>', 'at most this many runs', '20')
    .option('--connection <id>', 'only this connection (provider name or id)')
    .action((f: { limit?: string; connection?: string }) => {
      const c = ctx();
      const limit = limitOf(f.limit ?? '20', 500);
      const s = c.open();
      const connectionId = f.connection ? s.connections.resolveId(f.connection) : undefined;
      const runs = s.sync.runs({ limit, connectionId });
      c.out(
        runs.map((r) => ({ id: r.id, kind: r.kind, ...runJson(r) })),
        () =>
          runs.length === 0
            ? 'No sync runs yet: try `push <provider>`.'
            : runs
                .map((r) => `${String(r.id).padStart(5)}  ${r.kind.padEnd(5)} ${r.status.padEnd(11)} ${r.startedAt.replace('T', ' ').slice(0, 19)}  ${r.connectionId.padEnd(12)} ${r.message ?? ''}`)
                .join('\n'),
      );
    });
};
