import { create } from 'zustand';
import type { z } from 'zod';
import type { OrderSummary, PersonSummary, PeopleQuery } from '../../../shared/ipc/channels/people';
import { api } from '../api';

export const PEOPLE_PAGE_SIZE = 500;

export type PeopleSort = NonNullable<PeopleQuery['sort']>;
export type SortDirection = NonNullable<PeopleQuery['direction']>;
export type Order = z.infer<typeof OrderSummary>;

/** Text columns read naturally A→Z; figures and dates are more useful biggest/newest first. */
const defaultDirection: Record<PeopleSort, SortDirection> = {
  email: 'asc',
  lastName: 'asc',
  totalSpent: 'desc',
  orderCount: 'desc',
  updatedAt: 'desc',
};

interface OrdersOfPerson {
  personId: number;
  rows: Order[] | null;
  failed: boolean;
}

interface PeopleState {
  search: string;
  sort: PeopleSort;
  direction: SortDirection;
  /** null until the first page of the current query arrives. */
  total: number | null;
  /** Loaded pages of the current query by page index; rows appear as the user scrolls to them. */
  pages: Record<number, PersonSummary[]>;
  loadingPages: Record<number, true>;
  /** Bumped on every query change so answers to an older query are dropped. */
  generation: number;
  failed: boolean;
  selected: PersonSummary | null;
  orders: OrdersOfPerson | null;
  setSearch(search: string): void;
  sortBy(sort: PeopleSort): void;
  reload(): void;
  /** Fetches whichever pages cover rows first..last that are not loaded or loading. */
  ensureRange(first: number, last: number): void;
  select(person: PersonSummary | null): void;
}

export const rowAt = (s: Pick<PeopleState, 'pages'>, index: number): PersonSummary | undefined =>
  s.pages[Math.floor(index / PEOPLE_PAGE_SIZE)]?.[index % PEOPLE_PAGE_SIZE];

export const usePeople = create<PeopleState>((set, get) => {
  const fetchPage = async (pageIndex: number): Promise<void> => {
    const { search, sort, direction, generation } = get();
    set({ loadingPages: { ...get().loadingPages, [pageIndex]: true } });
    try {
      const res = await api.people.list({
        search: search.trim() || undefined,
        sort,
        direction,
        offset: pageIndex * PEOPLE_PAGE_SIZE,
        limit: PEOPLE_PAGE_SIZE,
      });
      if (get().generation !== generation) return;
      const { [pageIndex]: _done, ...loading } = get().loadingPages;
      set({ total: res.total, pages: { ...get().pages, [pageIndex]: res.rows }, loadingPages: loading, failed: false });
    } catch {
      if (get().generation !== generation) return;
      const { [pageIndex]: _done, ...loading } = get().loadingPages;
      set({ loadingPages: loading, failed: true, total: get().total ?? 0 });
    }
  };

  const restart = (patch: Partial<PeopleState>): void => {
    set({ ...patch, total: null, pages: {}, loadingPages: {}, failed: false, generation: get().generation + 1 });
    void fetchPage(0);
  };

  const loadOrders = async (personId: number): Promise<void> => {
    set({ orders: { personId, rows: null, failed: false } });
    try {
      const rows = await api.people.orders({ personId });
      if (get().orders?.personId === personId) set({ orders: { personId, rows, failed: false } });
    } catch {
      if (get().orders?.personId === personId) set({ orders: { personId, rows: null, failed: true } });
    }
  };

  return {
    search: '',
    sort: 'updatedAt',
    direction: 'desc',
    total: null,
    pages: {},
    loadingPages: {},
    generation: 0,
    failed: false,
    selected: null,
    orders: null,
    setSearch(search) {
      if (search === get().search) return;
      restart({ search });
    },
    sortBy(sort) {
      const direction = get().sort === sort ? (get().direction === 'asc' ? 'desc' : 'asc') : defaultDirection[sort];
      restart({ sort, direction });
    },
    reload() {
      restart({});
    },
    ensureRange(first, last) {
      const { total, pages, loadingPages } = get();
      if (total === null) {
        if (!loadingPages[0] && !pages[0]) void fetchPage(0);
        return;
      }
      const lastIndex = Math.min(last, total - 1);
      for (let p = Math.floor(first / PEOPLE_PAGE_SIZE); p <= Math.floor(lastIndex / PEOPLE_PAGE_SIZE); p++) {
        if (!pages[p] && !loadingPages[p]) void fetchPage(p);
      }
    },
    select(person) {
      set({ selected: person });
      if (person) void loadOrders(person.id);
      else set({ orders: null });
    },
  };
});
