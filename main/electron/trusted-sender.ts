import { APP_HOST, APP_SCHEME } from './app-origin';

/**
 * Whether an IPC call may run: it must come from the window's main frame (never an iframe) and
 * that frame must show our own renderer. A null frame (navigated away, destroyed) is refused.
 */
export function isTrustedSender(frameUrl: string | null | undefined, isMainFrame: boolean): boolean {
  if (!isMainFrame || typeof frameUrl !== 'string') return false;
  try {
    // Compared by parts: WHATWG URL gives custom schemes an opaque ('null') origin.
    const url = new URL(frameUrl);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.port === '';
  } catch {
    return false;
  }
}
