import { useEffect } from 'react';
import { pageIds, useNavigation } from '../stores/navigation';

/**
 * Alt+1..9 (and Ctrl/⌘+1..9, which Electron leaves to the page) open the pages in sidebar
 * order. `code` is used so the shortcut works on keyboard layouts whose digits need Shift.
 */
export function usePageShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.shiftKey || !(e.altKey || e.ctrlKey || e.metaKey)) return;
      const m = /^(?:Digit|Numpad)([1-9])$/.exec(e.code);
      if (!m) return;
      const page = pageIds[Number(m[1]) - 1];
      if (!page) return;
      e.preventDefault();
      useNavigation.getState().go(page);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
