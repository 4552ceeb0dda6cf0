import { create } from 'zustand';
import type { ConnectionView } from '../../../../shared/ipc/channels/connections';
import type { MappingIssueView, MappingState, ObjectMappingDraft, ObjectStatusView, PreviewResult, UnmappedValueView } from '../../../../shared/ipc/channels/mappings';
import { api, errorMessage } from '../../api';
import { toast } from '../../components';
import { snapshot } from './model';

const VALIDATE_DELAY_MS = 250;

interface MappingsState {
  connections: ConnectionView[] | null;
  connectionId: string | null;
  objects: ObjectStatusView[] | null;
  objectsError: string | null;
  object: string | null;
  /** What main answered for the object (saved or default mapping, metadata, catalogue). */
  loaded: MappingState | null;
  loadError: string | null;
  loading: boolean;
  /** The mapping being edited; `loaded.mapping` until the first change. */
  draft: ObjectMappingDraft | null;
  /** Validation of the draft as main last answered it. */
  issues: MappingIssueView[];
  validating: boolean;
  saving: boolean;
  preview: PreviewResult | null;
  previewing: boolean;
  unmapped: { values: UnmappedValueView[]; records: number } | null;
  checkingValues: boolean;

  loadConnections(): Promise<void>;
  selectConnection(id: string): Promise<void>;
  selectObject(object: string, opts?: { refresh?: boolean }): Promise<void>;
  edit(change: (draft: ObjectMappingDraft) => ObjectMappingDraft): void;
  start(draft: ObjectMappingDraft): void;
  discard(): void;
  save(): Promise<boolean>;
  reset(): Promise<void>;
  refreshMetadata(): Promise<void>;
  runPreview(opts?: { search?: string; localId?: number }): Promise<void>;
  checkValues(): Promise<void>;
  importFile(content: string): Promise<void>;
  exportFile(): Promise<{ fileName: string; content: string | null } | null>;
}

export const isDirty = (s: Pick<MappingsState, 'draft' | 'loaded'>): boolean => s.draft !== null && snapshot(s.draft) !== snapshot(s.loaded?.mapping ?? null);

let validateTimer: ReturnType<typeof setTimeout> | undefined;
let validateSeq = 0;
let loadSeq = 0;

export const useMappings = create<MappingsState>((set, get) => {
  const target = () => {
    const { connectionId, object } = get();
    return connectionId && object ? { connectionId, object } : null;
  };

  const validateSoon = () => {
    clearTimeout(validateTimer);
    const seq = ++validateSeq;
    set({ validating: true });
    validateTimer = setTimeout(async () => {
      const t = target();
      const draft = get().draft;
      if (!t || !draft) return;
      try {
        const { issues } = await api.mappings.validate({ ...t, mapping: draft });
        if (seq === validateSeq) set({ issues, validating: false });
      } catch {
        if (seq === validateSeq) set({ validating: false });
      }
    }, VALIDATE_DELAY_MS);
  };

  const loadObjects = async (connectionId: string) => {
    try {
      const res = await api.mappings.objects({ connectionId });
      if (get().connectionId === connectionId) set({ objects: res.objects, objectsError: null });
      return res.objects;
    } catch (err) {
      if (get().connectionId === connectionId) set({ objects: [], objectsError: errorMessage(err) });
      return [];
    }
  };

  return {
    connections: null,
    connectionId: null,
    objects: null,
    objectsError: null,
    object: null,
    loaded: null,
    loadError: null,
    loading: false,
    draft: null,
    issues: [],
    validating: false,
    saving: false,
    preview: null,
    previewing: false,
    unmapped: null,
    checkingValues: false,

    async loadConnections() {
      const connections = await api.connections.list({}).catch(() => [] as ConnectionView[]);
      set({ connections });
      const current = get().connectionId;
      const pick = connections.find((c) => c.id === current) ?? connections.find((c) => c.status === 'connected') ?? connections[0];
      if (pick && pick.id !== current) await get().selectConnection(pick.id);
    },

    async selectConnection(id) {
      clearTimeout(validateTimer);
      set({ connectionId: id, objects: null, objectsError: null, object: null, loaded: null, draft: null, issues: [], loadError: null, preview: null, unmapped: null });
      const objects = await loadObjects(id);
      // Ticket buyers are what most people come to check first.
      const mapped = objects.filter((o) => o.source !== 'none');
      const first = mapped.find((o) => o.role === 'person') ?? mapped.find((o) => o.enabled) ?? mapped[0];
      if (first && get().connectionId === id) await get().selectObject(first.object);
    },

    async selectObject(object, opts = {}) {
      const connectionId = get().connectionId;
      if (!connectionId) return;
      clearTimeout(validateTimer);
      const seq = ++loadSeq;
      set({ object, loading: true, loadError: null, preview: null, unmapped: null });
      try {
        const loaded = await api.mappings.get({ connectionId, object, refresh: opts.refresh });
        if (seq !== loadSeq) return;
        set({ loaded, draft: loaded.mapping, issues: loaded.issues, loading: false, validating: false });
      } catch (err) {
        if (seq === loadSeq) set({ loaded: null, draft: null, issues: [], loading: false, loadError: errorMessage(err) });
      }
    },

    edit(change) {
      const draft = get().draft;
      if (!draft) return;
      set({ draft: change(draft) });
      validateSoon();
    },

    start(draft) {
      set({ draft });
      validateSoon();
    },

    discard() {
      clearTimeout(validateTimer);
      const loaded = get().loaded;
      set({ draft: loaded?.mapping ?? null, issues: loaded?.issues ?? [], validating: false });
    },

    async save() {
      const t = target();
      const draft = get().draft;
      if (!t || !draft) return false;
      clearTimeout(validateTimer);
      set({ saving: true });
      try {
        const res = await api.mappings.save({ ...t, mapping: draft });
        set({ issues: res.issues, validating: false });
        if (!res.saved) {
          toast.error(res.message);
          return false;
        }
        toast.success(res.message);
        await Promise.all([get().selectObject(t.object), loadObjects(t.connectionId)]);
        return true;
      } catch {
        return false;
      } finally {
        set({ saving: false });
      }
    },

    async reset() {
      const t = target();
      if (!t) return;
      try {
        const loaded = await api.mappings.reset(t);
        set({ loaded, draft: loaded.mapping, issues: loaded.issues, preview: null, unmapped: null });
        toast.success(loaded.source === 'default' ? `${loaded.label} is back to its default mapping.` : `${loaded.label} is no longer mapped.`);
        await loadObjects(t.connectionId);
      } catch {
        // Shown as a toast by the api.
      }
    },

    async refreshMetadata() {
      const t = target();
      const connectionId = get().connectionId;
      if (!connectionId) return;
      try {
        const res = await api.mappings.refreshMetadata({ connectionId, object: t?.object });
        toast.success(res.message);
        await loadObjects(connectionId);
        if (t) {
          const keep = isDirty(get()) ? get().draft : null;
          await get().selectObject(t.object);
          if (keep) get().start(keep);
        }
      } catch {
        // Shown as a toast by the api.
      }
    },

    async runPreview(opts = {}) {
      const t = target();
      const draft = get().draft;
      if (!t || !draft) return;
      set({ previewing: true });
      try {
        set({ preview: await api.mappings.preview({ ...t, mapping: draft, ...opts }) });
      } catch {
        set({ preview: null });
      } finally {
        set({ previewing: false });
      }
    },

    async checkValues() {
      const t = target();
      const draft = get().draft;
      if (!t || !draft) return;
      set({ checkingValues: true });
      try {
        set({ unmapped: await api.mappings.unmappedValues({ ...t, mapping: draft }) });
      } catch {
        set({ unmapped: null });
      } finally {
        set({ checkingValues: false });
      }
    },

    async importFile(content) {
      const connectionId = get().connectionId;
      if (!connectionId) return;
      try {
        const res = await api.mappings.import({ connectionId, content });
        if (!res.imported) {
          toast.error(res.message);
          return;
        }
        toast.success(res.message);
        await loadObjects(connectionId);
        const object = get().object;
        if (object) await get().selectObject(object);
      } catch {
        // Shown as a toast by the api.
      }
    },

    async exportFile() {
      const connectionId = get().connectionId;
      if (!connectionId) return null;
      try {
        const res = await api.mappings.export({ connectionId });
        if (res.saved) toast.success(`Exported the mappings of ${res.objects.join(', ')} to ${res.path}.`);
        return { fileName: res.fileName, content: res.content };
      } catch {
        return null;
      }
    },
  };
});
