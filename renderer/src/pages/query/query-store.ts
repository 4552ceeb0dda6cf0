import { create } from 'zustand';
import type { ConnectionView } from '../../../../shared/ipc/channels/connections';
import type {
  Cell, Diagnostic, HistoryEntry, HubSpotSearchBody, ListFilterInfo, ListFilterValue, PipedriveFilter, QueryFieldInfo, QueryInput, QueryLanguage, QuerySchema, RunStatus, StarterQuery,
} from '../../../../shared/ipc/channels/query';
import { api } from '../../api';
import { toast } from '../../stores/toasts';

export interface HubSpotDraft {
  object: string;
  body: HubSpotSearchBody;
}

export interface PipedriveDraft {
  object: string;
  term: string;
  filters: PipedriveFilter[];
}

export interface ListDraft {
  object: string;
  filters: ListFilterValue[];
}

interface Drafts {
  soql: string;
  hubspot: HubSpotDraft;
  pipedrive: PipedriveDraft;
  list: ListDraft;
  includeDeleted: boolean;
}

export const defaultDrafts = (): Drafts => ({
  soql: 'SELECT Id, FirstName, LastName, Email, Account.Name\nFROM Contact\nORDER BY LastName\nLIMIT 200',
  hubspot: { object: 'contacts', body: { filterGroups: [], sorts: [], properties: ['email', 'firstname', 'lastname'] } },
  pipedrive: { object: 'persons', term: '', filters: [] },
  list: { object: '', filters: [] },
  includeDeleted: false,
});

interface QueryState extends Drafts {
  connections: ConnectionView[] | null;
  connectionId: string | null;
  schema: QuerySchema | null;
  fields: Record<string, QueryFieldInfo[]>;
  listFilters: Record<string, ListFilterInfo[]>;
  /** Problems with the query: validation while typing, or the CRM's after running. */
  diagnostics: Diagnostic[];
  status: RunStatus | null;
  /** Rows of the current run, appended in place; `version` changes when they do. */
  rows: Cell[][];
  version: number;
  running: boolean;
  fetching: boolean;
  history: { recent: HistoryEntry[]; saved: HistoryEntry[] };
  starters: StarterQuery[];

  loadConnections(): Promise<void>;
  selectConnection(id: string): Promise<void>;
  loadFields(object: string): Promise<QueryFieldInfo[]>;
  loadListFilters(object: string): Promise<ListFilterInfo[]>;
  setSoql(text: string): void;
  setHubSpot(draft: HubSpotDraft): void;
  setPipedrive(draft: PipedriveDraft): void;
  setList(draft: ListDraft): void;
  setIncludeDeleted(on: boolean): void;
  setDiagnostics(d: Diagnostic[]): void;
  /** Puts a query in the editor (history, starters) without running it. */
  load(input: QueryInput, includeDeleted?: boolean): void;
  run(input?: QueryInput): Promise<void>;
  more(): Promise<void>;
  loadAll(): Promise<void>;
  cancel(): Promise<void>;
  onProgress(status: RunStatus): void;
  refreshHistory(): Promise<void>;
}

const language = (s: Pick<QueryState, 'schema'>): QueryLanguage | null => s.schema?.language ?? null;

/** The input the editor holds now, for the connection's query language. */
export function currentInput(s: QueryState): QueryInput | null {
  switch (language(s)) {
    case 'soql':
      return { language: 'soql', soql: s.soql };
    case 'hubspot-search':
      return { language: 'hubspot-search', object: s.hubspot.object, body: s.hubspot.body as Record<string, unknown> };
    case 'pipedrive-filter':
      return { language: 'pipedrive-filter', object: s.pipedrive.object, term: s.pipedrive.term || undefined, filters: s.pipedrive.filters };
    case 'list-filter':
      return { language: 'list-filter', object: s.list.object || (s.schema?.objects[0]?.name ?? ''), filters: s.list.filters.filter((f) => (Array.isArray(f.value) ? f.value.length > 0 : f.value !== '')) };
    default:
      return null;
  }
}

const DRAFT_KEY = (id: string) => `query.draft.${id}`;
const CONNECTION_KEY = 'query.connection';

function readDrafts(id: string): Drafts {
  try {
    const raw = localStorage.getItem(DRAFT_KEY(id));
    if (raw) return { ...defaultDrafts(), ...(JSON.parse(raw) as Partial<Drafts>) };
  } catch {
    // A draft that does not parse is simply dropped.
  }
  return defaultDrafts();
}

function saveDrafts(s: QueryState): void {
  if (!s.connectionId) return;
  const { soql, hubspot, pipedrive, list, includeDeleted } = s;
  localStorage.setItem(DRAFT_KEY(s.connectionId), JSON.stringify({ soql, hubspot, pipedrive, list, includeDeleted }));
}

export const useQuery = create<QueryState>((set, get) => {
  /** Row fetches for load-all run one at a time so rows land once and in order. */
  let fetchChain: Promise<void> = Promise.resolve();

  const appendAt = (offset: number, rows: Cell[][]): void => {
    const mine = get().rows;
    if (offset > mine.length || offset + rows.length <= mine.length) return;
    for (const r of rows.slice(mine.length - offset)) mine.push(r);
    set({ version: get().version + 1 });
  };

  const catchUp = (): Promise<void> => {
    fetchChain = fetchChain.then(async () => {
      const { status } = get();
      if (!status) return;
      const runId = status.runId;
      while (get().status?.runId === runId && get().rows.length < (get().status?.loaded ?? 0)) {
        const page = await api.query.rows({ runId, offset: get().rows.length, limit: 10_000 });
        if (get().status?.runId !== runId || page.rows.length === 0) break;
        appendAt(page.offset, page.rows);
      }
    });
    return fetchChain.catch(() => undefined);
  };

  const withDrafts = (patch: Partial<Drafts>) => {
    set(patch);
    saveDrafts(get());
  };

  return {
    ...defaultDrafts(),
    connections: null,
    connectionId: null,
    schema: null,
    fields: {},
    listFilters: {},
    diagnostics: [],
    status: null,
    rows: [],
    version: 0,
    running: false,
    fetching: false,
    history: { recent: [], saved: [] },
    starters: [],

    async loadConnections() {
      const all = await api.connections.list({});
      const usable = all.filter((c) => c.status !== 'disconnected');
      set({ connections: usable });
      const current = get().connectionId;
      if (current && usable.some((c) => c.id === current)) return;
      const remembered = localStorage.getItem(CONNECTION_KEY);
      const pick = usable.find((c) => c.id === remembered) ?? usable.find((c) => c.status === 'connected') ?? usable[0];
      if (pick) await get().selectConnection(pick.id);
    },

    async selectConnection(id) {
      localStorage.setItem(CONNECTION_KEY, id);
      set({ connectionId: id, schema: null, fields: {}, listFilters: {}, status: null, rows: [], version: get().version + 1, diagnostics: [], ...readDrafts(id) });
      try {
        const [schema, starters, history] = await Promise.all([api.query.schema({ connectionId: id }), api.query.starters({ connectionId: id }), api.query.history({ connectionId: id })]);
        if (get().connectionId !== id) return;
        set({ schema, starters, history });
      } catch {
        // The toast already says why; the page shows the connection as not ready.
      }
    },

    async loadFields(object) {
      const cached = get().fields[object];
      if (cached) return cached;
      const id = get().connectionId;
      if (!id) return [];
      const schema = await api.query.schema({ connectionId: id, object });
      const fields = schema.fields ?? [];
      set({ fields: { ...get().fields, [object]: fields }, listFilters: { ...get().listFilters, [object]: schema.listFilters ?? [] } });
      return fields;
    },

    async loadListFilters(object) {
      if (!get().listFilters[object]) await get().loadFields(object);
      return get().listFilters[object] ?? [];
    },

    setSoql: (soql) => withDrafts({ soql }),
    setHubSpot: (hubspot) => withDrafts({ hubspot }),
    setPipedrive: (pipedrive) => withDrafts({ pipedrive }),
    setList: (list) => withDrafts({ list }),
    setIncludeDeleted: (includeDeleted) => withDrafts({ includeDeleted }),
    setDiagnostics: (diagnostics) => set({ diagnostics }),

    load(input, includeDeleted) {
      if (input.language === 'soql') withDrafts({ soql: input.soql });
      if (input.language === 'hubspot-search') withDrafts({ hubspot: { object: input.object, body: input.body as HubSpotSearchBody } });
      if (input.language === 'pipedrive-filter') withDrafts({ pipedrive: { object: input.object, term: input.term ?? '', filters: input.filters ?? [] } });
      if (input.language === 'list-filter') withDrafts({ list: { object: input.object, filters: input.filters ?? [] } });
      if (includeDeleted !== undefined) withDrafts({ includeDeleted });
    },

    async run(given) {
      const s = get();
      const input = given ?? currentInput(s);
      if (!s.connectionId || !input || s.running) return;
      const previous = s.status;
      if (previous && !previous.done && previous.state === 'loading') void api.query.cancel({ runId: previous.runId }).catch(() => undefined);
      set({ running: true, diagnostics: [] });
      try {
        const page = await api.query.run({ connectionId: s.connectionId, input, includeDeleted: s.includeDeleted });
        set({ status: page.status, rows: page.rows, version: get().version + 1, diagnostics: page.status.diagnostics });
        void get().refreshHistory();
      } catch {
        set({ status: null, rows: [], version: get().version + 1 });
      } finally {
        set({ running: false });
      }
    },

    async more() {
      const { status, fetching } = get();
      if (!status || status.done || fetching || status.state === 'loading' || status.state === 'failed') return;
      set({ fetching: true });
      try {
        const page = await api.query.more({ runId: status.runId });
        if (get().status?.runId !== status.runId) return;
        set({ status: page.status });
        appendAt(page.offset, page.rows);
      } catch {
        // toast shown
      } finally {
        set({ fetching: false });
      }
    },

    async loadAll() {
      const { status } = get();
      if (!status || status.done) return;
      const page = await api.query.more({ runId: status.runId, all: true });
      if (get().status?.runId === status.runId) set({ status: page.status });
    },

    async cancel() {
      const { status } = get();
      if (!status) return;
      const next = await api.query.cancel({ runId: status.runId });
      if (get().status?.runId === status.runId) set({ status: next });
    },

    onProgress(status) {
      const current = get().status;
      if (!current || current.runId !== status.runId) return;
      set({ status, diagnostics: status.diagnostics.length ? status.diagnostics : get().diagnostics });
      if (status.loaded > get().rows.length) void catchUp();
      if (status.state === 'done' && current.state !== 'done') void get().refreshHistory();
      if (status.state === 'failed' && status.error && current.state !== 'failed') toast.error(status.error);
    },

    async refreshHistory() {
      const id = get().connectionId;
      if (!id) return;
      try {
        const history = await api.query.history({ connectionId: id });
        if (get().connectionId === id) set({ history });
      } catch {
        // The toast says why; the sidebar keeps what it had.
      }
    },
  };
});
