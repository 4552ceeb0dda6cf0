import { create } from 'zustand';
import type { LinkStatus } from '../api/link-status';

interface LinkState {
  status: LinkStatus;
  setStatus(status: LinkStatus): void;
}

/** Whether the renderer can reach the app's services (the browser host's socket may drop). */
export const useLink = create<LinkState>((set) => ({
  status: 'connecting',
  setStatus: (status) => set({ status }),
}));
