import { create } from 'zustand';
import type { AuditEntry } from '../../../shared/ipc/channels/log';
import type { EventPayload } from '../../../shared/ipc/contract';
import { api } from '../api';

export type Outcome = AuditEntry['outcome'];
export type LogLine = EventPayload<'logLine'> & { seq: number };

export interface AuditFilter {
  outcome: Outcome | '';
  kind: string;
  search: string;
}

const AUDIT_PAGE = 100;
const LIVE_LIMIT = 1000;

interface LogState {
  filter: AuditFilter;
  entries: AuditEntry[];
  total: number | null;
  loading: boolean;
  /** Kinds seen so far, so the filter offers what the log actually holds. */
  kinds: string[];
  live: LogLine[];
  setFilter(patch: Partial<AuditFilter>): void;
  load(): Promise<void>;
  loadMore(): Promise<void>;
  clearLive(): void;
}

let request = 0;
let seq = 0;

const mergeKinds = (known: string[], entries: AuditEntry[]): string[] =>
  [...new Set([...known, ...entries.map((e) => e.kind)])].sort();

export const useLog = create<LogState>((set, get) => {
  const fetchEntries = async (beforeId?: number): Promise<void> => {
    const mine = ++request;
    const { outcome, kind, search } = get().filter;
    set({ loading: true });
    try {
      const res = await api.log.audit({
        limit: AUDIT_PAGE,
        beforeId,
        outcome: outcome || undefined,
        kind: kind || undefined,
        search: search.trim() || undefined,
      });
      if (mine !== request) return;
      const entries = beforeId ? [...get().entries, ...res.entries] : res.entries;
      set({ entries, total: res.total, loading: false, kinds: mergeKinds(get().kinds, res.entries) });
    } catch {
      if (mine === request) set({ loading: false, total: get().total ?? 0 });
    }
  };

  return {
    filter: { outcome: '', kind: '', search: '' },
    entries: [],
    total: null,
    loading: false,
    kinds: ['connection', 'import', 'query', 'sync', 'system'],
    live: [],
    setFilter(patch) {
      set({ filter: { ...get().filter, ...patch } });
      void fetchEntries();
    },
    load: () => fetchEntries(),
    async loadMore() {
      const last = get().entries.at(-1);
      if (last) await fetchEntries(last.id);
    },
    clearLive() {
      set({ live: [] });
    },
  };
});

/** Live lines are collected from start-up, so the Log page shows what happened before it was opened. */
export function startLiveLog(): () => void {
  return api.on.logLine((line) => {
    const live = [...useLog.getState().live, { ...line, seq: ++seq }];
    useLog.setState({ live: live.length > LIVE_LIMIT ? live.slice(-LIVE_LIMIT) : live });
  });
}
