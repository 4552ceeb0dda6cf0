import type { RunOutcomeKind, SyncDirection } from '../../shared/ipc/channels/schedule';

export interface RunNotice {
  title: string;
  body: string;
}

/** Desktop notifications: the Electron shell implements it with Notification; elsewhere it is a no-op. */
export interface RunNotifier {
  notify(notice: RunNotice): void;
}

export const silentNotifier: RunNotifier = { notify: () => undefined };

export interface FinishedRun {
  connectionLabel: string;
  direction: SyncDirection;
  outcome: RunOutcomeKind;
  message: string;
}

/** The notice for a run that ended with failures; null when nothing needs the person's attention. */
export function failureNotice(run: FinishedRun): RunNotice | null {
  if (run.outcome !== 'failed' && run.outcome !== 'partial') return null;
  const what = run.direction === 'push' ? 'Push to' : 'Pull from';
  return {
    title: `${what} ${run.connectionLabel} ${run.outcome === 'failed' ? 'failed' : 'had failures'}`,
    body: run.message.length > 200 ? `${run.message.slice(0, 197)}…` : run.message,
  };
}
