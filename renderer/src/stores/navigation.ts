import { create } from 'zustand';

/** Sidebar order; Alt/Ctrl + 1..9 follows it. */
export const pageIds = ['home', 'connections', 'import', 'people', 'events', 'mappings', 'sync', 'query', 'log', 'settings'] as const;
export type PageId = (typeof pageIds)[number];

const isPageId = (s: string): s is PageId => (pageIds as readonly string[]).includes(s);

/** The page lives in the URL hash so a reload (or the browser's Back button) keeps it. */
const pageFromHash = (): PageId => {
  const id = window.location.hash.replace(/^#\/?/, '');
  return isPageId(id) ? id : 'home';
};

interface NavigationState {
  page: PageId;
  go(page: PageId): void;
}

export const useNavigation = create<NavigationState>((set, get) => ({
  page: pageFromHash(),
  go(page) {
    if (get().page === page) return;
    set({ page });
    if (pageFromHash() !== page) window.location.hash = `#/${page}`;
  },
}));

window.addEventListener('hashchange', () => {
  const page = pageFromHash();
  if (useNavigation.getState().page !== page) useNavigation.setState({ page });
});
