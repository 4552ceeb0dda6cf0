import { create } from 'zustand';
import type { SettingKey, SettingValue } from '../../../shared/ipc/channels/settings';
import { api } from '../api';

interface SettingsState {
  values: Record<string, SettingValue> | null;
  saving: Partial<Record<SettingKey, true>>;
  load(): Promise<void>;
  /** Resolves true when main stored the value. */
  save(key: SettingKey, value: SettingValue): Promise<boolean>;
}

export const useSettings = create<SettingsState>((set, get) => ({
  values: null,
  saving: {},
  async load() {
    try {
      set({ values: await api.settings.get({}) });
    } catch {
      // Shown as a toast; the Settings page offers a retry.
    }
  },
  async save(key, value) {
    set({ saving: { ...get().saving, [key]: true } });
    try {
      set({ values: await api.settings.set({ key, value }) });
      return true;
    } catch {
      return false;
    } finally {
      const { [key]: _done, ...rest } = get().saving;
      set({ saving: rest });
    }
  },
}));

export type Theme = 'system' | 'light' | 'dark';

export const themeOf = (values: Record<string, SettingValue> | null): Theme => {
  const t = values?.['ui.theme'];
  return t === 'light' || t === 'dark' ? t : 'system';
};
