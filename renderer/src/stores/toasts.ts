import { create } from 'zustand';

export type ToastTone = 'error' | 'success' | 'info';

export interface Toast {
  id: number;
  tone: ToastTone;
  message: string;
  /** How many times the same message arrived while this toast was showing. */
  repeats: number;
}

interface ToastState {
  toasts: Toast[];
  push(t: { tone: ToastTone; message: string }): void;
  dismiss(id: number): void;
}

const MAX_VISIBLE = 4;
const AUTO_DISMISS_MS: Record<ToastTone, number | null> = { success: 4000, info: 5000, error: 10000 };
let nextId = 1;

/** Transient messages: every failed api call lands here (see api/index.ts), plus confirmations. */
export const useToasts = create<ToastState>((set, get) => ({
  toasts: [],
  push({ tone, message }) {
    const same = get().toasts.find((t) => t.tone === tone && t.message === message);
    if (same) {
      set({ toasts: get().toasts.map((t) => (t === same ? { ...t, repeats: t.repeats + 1 } : t)) });
      return;
    }
    const toast: Toast = { id: nextId++, tone, message, repeats: 1 };
    set({ toasts: [...get().toasts, toast].slice(-MAX_VISIBLE) });
    const ms = AUTO_DISMISS_MS[tone];
    if (ms !== null) setTimeout(() => get().dismiss(toast.id), ms);
  },
  dismiss(id) {
    set({ toasts: get().toasts.filter((t) => t.id !== id) });
  },
}));

export const toast = {
  success: (message: string): void => useToasts.getState().push({ tone: 'success', message }),
  info: (message: string): void => useToasts.getState().push({ tone: 'info', message }),
  error: (message: string): void => useToasts.getState().push({ tone: 'error', message }),
};
