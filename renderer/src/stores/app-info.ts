import { create } from 'zustand';
import type { AppInfo, StoreCounts } from '../../../shared/ipc/channels/app';
import { api } from '../api';

interface AppInfoState {
  info: AppInfo | null;
  counts: StoreCounts | null;
  loadInfo(): Promise<void>;
  refreshCounts(): Promise<void>;
}

/** What the app is and how much the local store holds: header, dashboard, sidebar badges, empty states. */
export const useAppInfo = create<AppInfoState>((set) => ({
  info: null,
  counts: null,
  async loadInfo() {
    try {
      set({ info: await api.app.info({}) });
    } catch {
      // Already shown as a toast; the header keeps its placeholder.
    }
  },
  async refreshCounts() {
    try {
      set({ counts: await api.app.counts({}) });
    } catch {
      // Already shown as a toast; pages keep the last counts they had.
    }
  },
}));
