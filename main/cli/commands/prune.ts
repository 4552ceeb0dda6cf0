import type { RegisterCommand } from './index';
import { CliUsageError } from '../context';
import { isRetentionDays, MAX_RETENTION_DAYS, MIN_RETENTION_DAYS, pruneSummary } from '../../retention';

function daysOf(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const days = Number(v);
  if (!isRetentionDays(days)) throw new CliUsageError(`--days must be a whole number from ${MIN_RETENTION_DAYS} to ${MAX_RETENTION_DAYS}.`);
  return days;
}

/** `prune`: removes old finished history now (the app also does it daily); dead letters stay. */
export const registerPrune: RegisterCommand = (program, ctx) => {
  program
    .command('prune')
    .description('remove finished queue items, audit entries and sync runs older than the retention period (dead letters stay until handled)')
    .option('--days <n>', 'keep this many days instead of the retention.days setting (default 90)')
    .option('--dry-run', 'only count what would be removed')
    .action(async (o: { days?: string; dryRun?: boolean }) => {
      const c = ctx();
      const days = daysOf(o.days);
      const report = await c.open().retention.run({ days, dryRun: o.dryRun === true, trigger: 'cli' });
      c.out(report, () => pruneSummary(report));
    });
};
