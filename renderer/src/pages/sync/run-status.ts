import type { BadgeTone } from '../../components';
import type { SyncRunStatus } from '../../../../shared/ipc/channels/sync';

const tones: Record<SyncRunStatus, BadgeTone> = {
  running: 'info',
  ok: 'success',
  partial: 'warning',
  failed: 'danger',
  cancelled: 'neutral',
  interrupted: 'warning',
};

const labels: Record<SyncRunStatus, string> = {
  running: 'Running',
  ok: 'Done',
  partial: 'Done with failures',
  failed: 'Failed',
  cancelled: 'Stopped',
  interrupted: 'Interrupted',
};

export const runTone = (s: SyncRunStatus): BadgeTone => tones[s];
export const statusLabel = (s: SyncRunStatus): string => labels[s];
