import type { AttentionAction } from '../../../../shared/ipc/channels/dashboard';
import { api } from '../../api';
import { toast } from '../../components';
import { useNavigation } from '../../stores/navigation';
import { isDirty, useMappings } from '../mappings/store';
import { useSync } from '../sync/store';

type DeadLetters = Extract<AttentionAction, { kind: 'dead-letters' }>;
type FailedRun = Extract<AttentionAction, { kind: 'run' }>;

/**
 * The Sync page with its queue on "Needs attention": dead letters and failed items with the
 * CRM's message, their causes grouped (every connection's; its store has no narrower filter).
 */
export function openDeadLetters(): void {
  useSync.getState().setView('attention');
  useNavigation.getState().go('sync');
}

/** The Sync page with the run's per-record results open under Recent runs. */
export function openRun(a: FailedRun): void {
  void useSync.getState().openRecords(a.runId);
  useNavigation.getState().go('sync');
}

/**
 * The mapping editor on the object whose mapping has errors. Unsaved edits in the editor win:
 * the page opens as it was, and its own guard asks before anything is thrown away.
 */
export async function openMapping(connectionId: string, object: string): Promise<void> {
  useNavigation.getState().go('mappings');
  const m = useMappings.getState();
  if (isDirty(m)) {
    toast.info('The mapping editor has unsaved changes: save or discard them, then pick the object.');
    return;
  }
  if (m.connectionId !== connectionId) await m.selectConnection(connectionId);
  if (useMappings.getState().connectionId === connectionId) await useMappings.getState().selectObject(object);
}

const PAGE = 1000;
const MAX_IDS = 10_000;

/** The ids of one cause's dead letters (the queue lists newest first, a page at a time). */
async function deadLetterIds(a: DeadLetters): Promise<number[]> {
  const ids: number[] = [];
  let beforeId: number | undefined;
  while (ids.length < MAX_IDS) {
    const { items } = await api.sync.items({ connectionId: a.connectionId, states: ['dead'], limit: PAGE, beforeId });
    for (const i of items) if (i.object === a.object && i.errorCode === a.errorCode && i.errorField === a.errorField) ids.push(i.id);
    if (items.length < PAGE) break;
    beforeId = items[items.length - 1].id;
  }
  return ids.slice(0, MAX_IDS);
}

/** Sends one cause's dead letters back to the queue with fresh attempts; answers how many went. */
export async function retryDeadLetters(a: DeadLetters): Promise<number> {
  const ids = await deadLetterIds(a);
  if (ids.length === 0) return 0;
  const { retried } = await api.sync.retry({ ids });
  toast.success(`${retried.toLocaleString()} record${retried === 1 ? '' : 's'} sent back to the queue; the next push sends them.`);
  return retried;
}

/** Starts the failed run's kind again for its connection (push or pull). */
export async function runAgain(a: FailedRun): Promise<void> {
  const run = a.runKind === 'pull' ? await api.sync.pull({ connectionId: a.connectionId }) : await api.sync.push({ connectionId: a.connectionId });
  toast.info(`Started a ${run.kind} (run ${run.id}); this page updates when it ends.`);
}
