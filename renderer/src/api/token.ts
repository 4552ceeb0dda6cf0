import { TOKEN_PARAM } from '../../../shared/ipc/wire';

const STORAGE_KEY = 'ticket-crm-sync.session-token';

/**
 * The browser host hands the session token over once in the page URL. It is kept in
 * sessionStorage so a reload keeps working, and removed from the address bar so it does not
 * end up in bookmarks, screenshots or the history of a shared machine.
 */
export function takeSessionToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get(TOKEN_PARAM);
  if (fromUrl) {
    window.sessionStorage.setItem(STORAGE_KEY, fromUrl);
    url.searchParams.delete(TOKEN_PARAM);
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return window.sessionStorage.getItem(STORAGE_KEY);
}
