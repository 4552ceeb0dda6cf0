import { create } from 'zustand';
import type {
  ConflictView, DryRunReport, QueueItemView, QueueOverview, QueueState, RunRecordView, SyncProgress, SyncRun, SyncTargetView,
} from '../../../../shared/ipc/channels/sync';
import { api, errorMessage } from '../../api';
import { toast } from '../../components';

/** Which items the queue monitor lists. */
export type QueueView = 'attention' | 'waiting' | 'all';

export const queueViewStates: Record<QueueView, QueueState[] | undefined> = {
  attention: ['dead', 'failed'],
  waiting: ['pending', 'running'],
  all: undefined,
};

export interface DryRunState {
  connectionId: string;
  object: string | null;
  label: string;
  report: DryRunReport | null;
  error: string | null;
}

interface SyncState {
  targets: SyncTargetView[] | null;
  overview: QueueOverview | null;
  items: QueueItemView[];
  view: QueueView;
  runs: SyncRun[];
  conflicts: ConflictView[];
  /** Runs going on (and the last one to finish), by run id, as their progress events said. */
  live: Record<number, SyncProgress>;
  /** Per-record results of runs opened in the runs table. */
  records: Record<number, { rows: RunRecordView[]; total: number } | undefined>;
  dryRun: DryRunState | null;
  loadError: string | null;
  /** "connectionId|object|push" while a start request is on its way. */
  starting: string | null;
  load(): Promise<void>;
  refreshQueue(): Promise<void>;
  refreshRuns(): Promise<void>;
  setView(view: QueueView): void;
  push(connectionId: string, object?: string): Promise<void>;
  pull(connectionId: string, object?: string, createPeople?: boolean): Promise<void>;
  preview(connectionId: string, object: string | undefined, label: string): Promise<void>;
  closePreview(): void;
  cancelRun(runId: number): Promise<void>;
  retry(req: { ids?: number[]; all?: boolean; errorCode?: string | null; errorField?: string | null }): Promise<void>;
  cancelItems(req: { ids?: number[]; all?: boolean }): Promise<void>;
  openRecords(runId: number): Promise<void>;
  closeRecords(runId: number): void;
  dismissLive(runId: number): void;
}

export const startKey = (connectionId: string, object: string | undefined, kind: 'push' | 'pull') => `${connectionId}|${object ?? '*'}|${kind}`;

export const useSync = create<SyncState>((set, get) => {
  const start = async (key: string, run: () => Promise<SyncRun>) => {
    set({ starting: key });
    try {
      const started = await run();
      set({ live: { ...get().live, [started.id]: { ...started, phase: 'starting', done: 0, perSecond: 0 } } });
    } catch {
      // The api layer already showed the reason as a toast.
    } finally {
      set({ starting: null });
    }
  };

  return {
    targets: null,
    overview: null,
    items: [],
    view: 'attention',
    runs: [],
    conflicts: [],
    live: {},
    records: {},
    dryRun: null,
    loadError: null,
    starting: null,
    async load() {
      try {
        const targets = await api.sync.targets({});
        set({ targets, loadError: null });
        const running: Record<number, SyncProgress> = {};
        for (const t of targets) for (const r of t.running) running[r.runId] = get().live[r.runId] ?? { ...(await api.sync.run({ runId: r.runId })), phase: 'running', done: 0, perSecond: 0 };
        set({ live: { ...get().live, ...running } });
      } catch (err) {
        set({ loadError: errorMessage(err) });
      }
      await Promise.all([get().refreshQueue(), get().refreshRuns()]);
    },
    async refreshQueue() {
      const [overview, page] = await Promise.all([api.sync.queue({}), api.sync.items({ states: queueViewStates[get().view], limit: 200 })]);
      set({ overview, items: page.items });
    },
    async refreshRuns() {
      const [runs, conflicts] = await Promise.all([api.sync.runs({ limit: 12 }), api.sync.conflicts({ limit: 50 })]);
      set({ runs, conflicts });
    },
    setView(view) {
      set({ view });
      void get().refreshQueue();
    },
    push: (connectionId, object) => start(startKey(connectionId, object, 'push'), () => api.sync.push({ connectionId, object })),
    pull: (connectionId, object, createPeople) => start(startKey(connectionId, object, 'pull'), () => api.sync.pull({ connectionId, object, createPeople })),
    async preview(connectionId, object, label) {
      set({ dryRun: { connectionId, object: object ?? null, label, report: null, error: null } });
      try {
        const report = await api.sync.dryRun({ connectionId, object, samples: 3 });
        if (get().dryRun?.connectionId === connectionId) set({ dryRun: { connectionId, object: object ?? null, label, report, error: null } });
      } catch (err) {
        set({ dryRun: { connectionId, object: object ?? null, label, report: null, error: errorMessage(err) } });
      }
    },
    closePreview() {
      set({ dryRun: null });
    },
    async cancelRun(runId) {
      const { cancelled } = await api.sync.cancelRun({ runId });
      if (cancelled) toast.info('Stopping after the batches in flight; unsent records stay in the queue.');
    },
    async retry(req) {
      const { retried } = await api.sync.retry(req);
      toast.success(`${retried.toLocaleString()} item${retried === 1 ? '' : 's'} will run again with the next push.`);
      await get().refreshQueue();
    },
    async cancelItems(req) {
      const { cancelled } = await api.sync.cancel(req);
      toast.info(`${cancelled.toLocaleString()} item${cancelled === 1 ? '' : 's'} cancelled.`);
      await get().refreshQueue();
    },
    async openRecords(runId) {
      const page = await api.sync.runRecords({ runId, limit: 200 });
      set({ records: { ...get().records, [runId]: { rows: page.records, total: page.total } } });
    },
    closeRecords(runId) {
      const { [runId]: _gone, ...rest } = get().records;
      set({ records: rest });
    },
    dismissLive(runId) {
      const { [runId]: _gone, ...rest } = get().live;
      set({ live: rest });
    },
  };
});

let queueTimer: ReturnType<typeof setTimeout> | undefined;

/** Follows runs and queue changes while the page is open; returns the unsubscribe. */
export function followSyncEvents(): () => void {
  const offProgress = api.on.syncProgress((p) => {
    const s = useSync.getState();
    useSync.setState({ live: { ...s.live, [p.id]: p } });
    if (p.phase === 'done') {
      void s.refreshRuns();
      void s.refreshQueue();
      const tone = p.status === 'ok' ? 'success' : p.status === 'failed' ? 'error' : 'info';
      toast[tone](p.message ?? `${p.kind} ${p.status}`);
    }
  });
  const offQueue = api.on.queueChanged((q) => {
    const s = useSync.getState();
    if (s.overview) useSync.setState({ overview: { ...s.overview, counts: q.counts } });
    // The item list and throughput follow at most twice a second.
    queueTimer ??= setTimeout(() => {
      queueTimer = undefined;
      void useSync.getState().refreshQueue();
    }, 500);
  });
  return () => {
    offProgress();
    offQueue();
    if (queueTimer) clearTimeout(queueTimer);
    queueTimer = undefined;
  };
}
