import { create } from 'zustand';
import type {
  EventChoice,
  ImportMapping,
  ImportPreview,
  ImportProgress,
  ImportResult,
  ImportRunSummary,
  ImportTarget,
  PresetInfo,
  ReadOptions,
} from '../../../../shared/ipc/channels/import';
import { api, errorMessage } from '../../api';
import { toast } from '../../components';
import { uploadFile } from './upload';

export type Step = 'choose' | 'uploading' | 'preview' | 'running' | 'result';

interface ImportState {
  step: Step;
  file: { name: string; size: number } | null;
  uploaded: number;
  uploadId: string | null;
  read: ReadOptions;
  presetName: string | null;
  preview: ImportPreview | null;
  previewing: boolean;
  mapping: ImportMapping | null;
  progress: ImportProgress | null;
  cancelling: boolean;
  result: ImportResult | null;
  error: string | null;
  presets: PresetInfo[];
  history: ImportRunSummary[];
  loadLists(): Promise<void>;
  choose(file: File): Promise<void>;
  /** Read again with other reading options or another preset (resets the mapping). */
  reread(read: ReadOptions, presetName?: string | null): Promise<void>;
  setTarget(index: number, target: ImportTarget): void;
  setFormats(f: Partial<Pick<ImportMapping, 'dateOrder' | 'decimal'>>): void;
  setEvent(event: EventChoice | null): void;
  run(): Promise<void>;
  cancel(): Promise<void>;
  onProgress(p: ImportProgress): void;
  savePreset(name: string): Promise<boolean>;
  reset(): Promise<void>;
}

const initial = {
  step: 'choose' as Step,
  file: null,
  uploaded: 0,
  uploadId: null,
  read: {},
  presetName: null,
  preview: null,
  previewing: false,
  mapping: null,
  progress: null,
  cancelling: false,
  result: null,
  error: null,
};

export const useImport = create<ImportState>((set, get) => {
  async function loadPreview(uploadId: string, read: ReadOptions, presetName: string | null): Promise<void> {
    set({ previewing: true, error: null });
    try {
      const preview = await api.import.preview({ uploadId, read: Object.keys(read).length ? read : undefined, preset: presetName ?? undefined });
      const event = get().mapping?.event ?? null;
      set({ preview, mapping: { ...preview.mapping, event: preview.mapping.event ?? event }, step: 'preview' });
    } catch (err) {
      set({ error: errorMessage(err), step: get().preview ? 'preview' : 'choose' });
    } finally {
      set({ previewing: false });
    }
  }

  return {
    ...initial,
    presets: [],
    history: [],

    async loadLists() {
      const [presets, history] = await Promise.all([api.import.presets({}), api.import.history({ limit: 20 })]);
      set({ presets, history });
    },

    async choose(file) {
      const previous = get().uploadId;
      if (previous) void api.import.discard({ uploadId: previous }).catch(() => undefined);
      set({ ...initial, step: 'uploading', file: { name: file.name, size: file.size } });
      try {
        const uploadId = await uploadFile(file, (sent) => set({ uploaded: sent }));
        set({ uploadId });
        await loadPreview(uploadId, {}, null);
      } catch (err) {
        set({ step: 'choose', error: errorMessage(err) });
      }
    },

    async reread(read, presetName = get().presetName) {
      const { uploadId } = get();
      if (!uploadId) return;
      set({ read, presetName });
      await loadPreview(uploadId, read, presetName);
    },

    setTarget(index, target) {
      const m = get().mapping;
      if (!m) return;
      set({ mapping: { ...m, columns: m.columns.map((c) => (c.index === index ? { ...c, target } : c)) } });
    },

    setFormats(f) {
      const m = get().mapping;
      if (m) set({ mapping: { ...m, ...f } });
    },

    setEvent(event) {
      const m = get().mapping;
      if (m) set({ mapping: { ...m, event } });
    },

    async run() {
      const { uploadId, mapping, read } = get();
      if (!uploadId || !mapping) return;
      set({ step: 'running', progress: null, cancelling: false, error: null });
      try {
        const result = await api.import.run({ uploadId, mapping, read: Object.keys(read).length ? read : undefined });
        set({ result, step: 'result', uploadId: result.status === 'cancelled' ? uploadId : null });
        if (result.status === 'cancelled') toast.info('Import cancelled; nothing was changed.');
      } catch (err) {
        set({ step: 'preview', error: errorMessage(err) });
      } finally {
        set({ cancelling: false });
        void get().loadLists().catch(() => undefined);
      }
    },

    async cancel() {
      set({ cancelling: true });
      await api.import.cancel({ runId: get().progress?.runId ?? undefined }).catch(() => undefined);
    },

    onProgress(p) {
      if (get().step === 'running') set({ progress: p });
    },

    async savePreset(name) {
      const m = get().mapping;
      if (!m) return false;
      try {
        const saved = await api.import.savePreset({ name, mapping: m });
        toast.success(`Saved the mapping as "${saved.label}".`);
        await get().loadLists();
        return true;
      } catch {
        return false;
      }
    },

    async reset() {
      const { uploadId } = get();
      if (uploadId) await api.import.discard({ uploadId }).catch(() => undefined);
      set({ ...initial });
    },
  };
});
