import type { ReactElement } from 'react';
import { Badge, Button, Card, ProgressBar } from '../../components';
import type { SyncProgress } from '../../../../shared/ipc/channels/sync';
import { OutcomeChart } from './OutcomeBars';
import { useSync } from './store';
import { runTone, statusLabel } from './run-status';

const phaseWords: Record<string, string> = {
  starting: 'Starting',
  enqueue: 'Finding what changed',
  done: 'Finished',
};
const kindWords: Record<string, string> = { person: 'buyers', company: 'companies', order: 'orders' };

/** "push person (bulk)" → "Sending buyers (bulk)"; "pull Contact" → "Reading changes of Contact". */
export function phaseLabel(phase: string): string {
  if (phaseWords[phase]) return phaseWords[phase];
  const [verb, what = '', ...rest] = phase.split(' ');
  const tail = rest.length ? ` ${rest.join(' ')}` : '';
  if (verb === 'push') return `Sending ${kindWords[what] ?? what}${tail}`;
  if (verb === 'pull') return `Reading changes of ${what}${tail}`;
  return phase;
}

function detail(p: SyncProgress): string {
  const rate = p.perSecond >= 1 ? ` · ${Math.round(p.perSecond).toLocaleString()} records/s` : '';
  const extra = [p.failed ? `${p.failed.toLocaleString()} failed` : '', p.conflicts ? `${p.conflicts} conflict${p.conflicts === 1 ? '' : 's'}` : ''].filter(Boolean).join(' · ');
  return `${p.done.toLocaleString()} of ${p.total.toLocaleString()} records${rate}${extra ? ` · ${extra}` : ''} · ${p.requests.toLocaleString()} CRM requests`;
}

/** Runs going on now (progress bar, cancel) and the ones that just finished (outcome chart). */
export function LiveRuns(): ReactElement | null {
  const live = useSync((s) => s.live);
  const targets = useSync((s) => s.targets);
  const cancelRun = useSync((s) => s.cancelRun);
  const dismiss = useSync((s) => s.dismissLive);
  const runs = Object.values(live).sort((a, b) => b.id - a.id);
  if (runs.length === 0) return null;
  const labelOf = (id: string) => targets?.find((t) => t.connectionId === id)?.label ?? id;
  return (
    <div className="live-runs" aria-live="polite">
      {runs.map((p) => {
        const running = p.status === 'running';
        return (
          <Card
            key={p.id}
            className="live-run"
            title={
              <span className="live-run-title">
                {p.kind === 'push' ? 'Push to' : 'Pull from'} {labelOf(p.connectionId)}
                {p.object ? ` · ${p.object}` : ''}
                <Badge tone={runTone(p.status)} dot>
                  {statusLabel(p.status)}
                </Badge>
              </span>
            }
            description={running ? phaseLabel(p.phase) : p.message}
            actions={
              running ? (
                <Button size="sm" icon="pause" onClick={() => void cancelRun(p.id)}>
                  Stop
                </Button>
              ) : (
                <Button size="sm" variant="ghost" icon="close" aria-label={`Dismiss run ${p.id}`} onClick={() => dismiss(p.id)} />
              )
            }
          >
            {running ? (
              <ProgressBar label={`${phaseLabel(p.phase)} · run ${p.id}`} value={p.total > 0 ? p.done : undefined} max={Math.max(1, p.total)} detail={detail(p)} tone={p.failed > 0 ? 'danger' : 'accent'} />
            ) : (
              <OutcomeChart counts={p} title={`Run ${p.id} outcomes`} />
            )}
          </Card>
        );
      })}
    </div>
  );
}
