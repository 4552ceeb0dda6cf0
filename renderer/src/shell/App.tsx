import { useEffect, type ReactElement } from 'react';
import { Toaster } from '../components/Toaster';
import { useNavigation } from '../stores/navigation';
import { useAppInfo } from '../stores/app-info';
import { useSettings, themeOf } from '../stores/settings';
import { useLink } from '../stores/link';
import { startLiveLog } from '../stores/log';
import { AppHeader } from './AppHeader';
import { Sidebar } from './Sidebar';
import { NoTokenScreen } from './NoTokenScreen';
import { pageById } from './pages';
import { usePageShortcuts } from './use-page-shortcuts';

function useTheme(): void {
  const theme = useSettings((s) => themeOf(s.values));
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
  }, [theme]);
}

function useStartup(): void {
  useEffect(() => {
    void useAppInfo.getState().loadInfo();
    void useSettings.getState().load();
    const stopLive = startLiveLog();
    const onFocus = (): void => void useAppInfo.getState().refreshCounts();
    window.addEventListener('focus', onFocus);
    return () => {
      stopLive();
      window.removeEventListener('focus', onFocus);
    };
  }, []);
}

export function App(): ReactElement {
  const page = useNavigation((s) => s.page);
  const linkStatus = useLink((s) => s.status);
  useStartup();
  useTheme();
  usePageShortcuts();

  // Counts feed the sidebar and every page's empty state, so they are fresh whenever a page opens.
  useEffect(() => {
    void useAppInfo.getState().refreshCounts();
  }, [page]);

  if (linkStatus === 'no-token') return <NoTokenScreen />;

  const { component: Current } = pageById(page);
  return (
    <div className="app">
      <button
        type="button"
        className="skip-link"
        onClick={() => document.querySelector<HTMLElement>('#main h1')?.focus()}
      >
        Skip to content
      </button>
      <AppHeader />
      <Sidebar />
      <main id="main" className="main">
        <Current key={page} />
      </main>
      <Toaster />
    </div>
  );
}
