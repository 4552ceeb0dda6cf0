import { create } from 'zustand';
import type { DashboardAttention, DashboardOverview, DashboardRange } from '../../../../shared/ipc/channels/dashboard';
import { api, errorMessage } from '../../api';

const PREFS_KEY = 'tcs.dashboard';

interface Prefs {
  range: DashboardRange;
  tables: boolean;
}

/** The range and table view stay as the user left them (per browser profile / app window). */
function loadPrefs(): Prefs {
  try {
    const p = JSON.parse(localStorage.getItem(PREFS_KEY) ?? '{}') as Partial<Prefs>;
    return { range: p.range === 7 || p.range === 90 ? p.range : 30, tables: p.tables === true };
  } catch {
    return { range: 30, tables: false };
  }
}

function savePrefs(p: Prefs): void {
  try {
    localStorage.setItem(PREFS_KEY, JSON.stringify(p));
  } catch {
    // Storage off (private window): the choice lasts for this visit only.
  }
}

const timeZone = (): string | undefined => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
};

interface DashboardState extends Prefs {
  overview: DashboardOverview | null;
  overviewError: string | null;
  attention: DashboardAttention | null;
  attentionLoading: boolean;
  setRange(range: DashboardRange): void;
  setTables(tables: boolean): void;
  load(): Promise<void>;
  loadAttention(): Promise<void>;
}

let overviewSeq = 0;
let attentionSeq = 0;

export const useDashboard = create<DashboardState>((set, get) => ({
  ...loadPrefs(),
  overview: null,
  overviewError: null,
  attention: null,
  attentionLoading: false,

  setRange(range) {
    set({ range });
    savePrefs({ range, tables: get().tables });
    void get().load();
  },

  setTables(tables) {
    set({ tables });
    savePrefs({ range: get().range, tables });
  },

  async load() {
    const seq = ++overviewSeq;
    try {
      const overview = await api.dashboard.overview({ range: get().range, timeZone: timeZone() });
      if (seq === overviewSeq) set({ overview, overviewError: null });
    } catch (err) {
      if (seq === overviewSeq) set({ overviewError: errorMessage(err) });
    }
  },

  async loadAttention() {
    const seq = ++attentionSeq;
    set({ attentionLoading: true });
    try {
      const attention = await api.dashboard.attention({});
      if (seq === attentionSeq) set({ attention, attentionLoading: false });
    } catch {
      // Shown as a toast by the api; the list keeps what it had.
      if (seq === attentionSeq) set({ attentionLoading: false });
    }
  },
}));

/**
 * Keeps the dashboard current while Home is open: after a run ends, when the queue or a
 * connection changes (coalesced), and every minute for the sampled series. Returns the stop.
 */
export function followDashboard(): () => void {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const soon = (key: string, ms: number, fn: () => void) => {
    if (timers.has(key)) return;
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        fn();
      }, ms),
    );
  };
  const { load, loadAttention } = useDashboard.getState();
  const offs = [
    api.on.syncProgress((p) => {
      if (p.status === 'running') return;
      // The sampler records the run's end just after the event: read after it.
      soon('overview', 400, () => void load());
      soon('attention', 400, () => void loadAttention());
    }),
    api.on.queueChanged(() => soon('overview', 2000, () => void load())),
    api.on.connectionChanged(() => {
      soon('overview', 1000, () => void load());
      soon('attention', 1000, () => void loadAttention());
    }),
  ];
  const every = setInterval(() => void load(), 60_000);
  return () => {
    for (const off of offs) off();
    for (const t of timers.values()) clearTimeout(t);
    clearInterval(every);
  };
}
