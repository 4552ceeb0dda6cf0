import { create } from 'zustand';
import type { AttendanceStatus, EventDetail, EventSummary } from '../../../../shared/ipc/channels/events';
import { api } from '../../api';

const ATTENDEE_PAGE = 500;

interface EventsState {
  events: EventSummary[] | null;
  error: string | null;
  selectedId: number | null;
  status: AttendanceStatus | null;
  detail: EventDetail | null;
  load(): Promise<void>;
  select(id: number | null): void;
  filter(status: AttendanceStatus | null): void;
}

export const useEvents = create<EventsState>((set, get) => {
  // Answers that arrive after the user picked another event or filter are dropped.
  let ticket = 0;
  const loadDetail = async (): Promise<void> => {
    const { selectedId, status } = get();
    const mine = ++ticket;
    if (selectedId === null) return set({ detail: null });
    const detail = await api.events.get({ id: selectedId, status: status ?? undefined, offset: 0, limit: ATTENDEE_PAGE });
    if (mine === ticket) set({ detail });
  };
  return {
    events: null,
    error: null,
    selectedId: null,
    status: null,
    detail: null,
    async load() {
      try {
        set({ events: await api.events.list({}), error: null });
        await loadDetail();
      } catch (e) {
        set({ error: e instanceof Error ? e.message : String(e), events: [] });
      }
    },
    select(id) {
      set({ selectedId: id, status: null, detail: null });
      void loadDetail();
    },
    filter(status) {
      set({ status });
      void loadDetail();
    },
  };
});
