import type { RegisterCommand } from './index';
import { runDueOnce, reportFailed, runSchedulesUntilStopped } from '../../schedule/headless';
import type { RunResult } from '../../schedule/run-once';

const line = (r: Pick<RunResult, 'connectionId' | 'direction' | 'outcome' | 'message'>): string => `${r.direction} ${r.connectionId}: ${r.outcome}. ${r.message}`;

/**
 * `run-schedules [--once]`: the schedules without a window, for cron or a service. Shares the
 * store with a running app: a connection the app (or another runner) runs is left to it, with
 * a message naming that process. SIGTERM and SIGINT stop runs at a safe point and exit 0.
 */
export const registerRunSchedules: RegisterCommand = (program, ctx) => {
  program
    .command('run-schedules')
    .description('run the schedules without a window (for cron or a service); --once runs what is due and exits')
    .option('--once', 'run the schedules that are due now, then exit (exit 1 when a run failed)')
    .action(async (o: { once?: boolean }) => {
      const c = ctx();
      const s = c.open();
      const stop = new AbortController();
      const onSignal = () => stop.abort();
      process.once('SIGTERM', onSignal);
      process.once('SIGINT', onSignal);
      try {
        if (o.once) {
          const report = await runDueOnce({ schedules: s.schedules });
          for (const h of report.heldElsewhere) process.stderr.write(`${h.message}: left to it.\n`);
          c.out(report, () => (report.runs.length ? report.runs.map(line).join('\n') : 'Nothing was due.'));
          if (reportFailed(report)) process.exitCode = 1;
          return;
        }
        if (!c.json) process.stderr.write('Running schedules until stopped (Ctrl+C or SIGTERM)…\n');
        await runSchedulesUntilStopped({
          schedules: s.schedules,
          events: s.events,
          signal: stop.signal,
          onRun: (e) => process.stdout.write(c.json ? `${JSON.stringify(e)}\n` : `${new Date().toISOString()} ${line({ ...e, outcome: e.outcome ?? 'ok', message: e.message ?? '' })}\n`),
          onHeld: (connectionId, message) =>
            c.json ? process.stdout.write(`${JSON.stringify({ heldElsewhere: connectionId, message })}\n`) : process.stderr.write(`${message}: waiting for it to stop.\n`),
        });
      } finally {
        process.off('SIGTERM', onSignal);
        process.off('SIGINT', onSignal);
      }
    });
};
