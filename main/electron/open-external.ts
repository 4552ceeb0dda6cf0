import { shell } from 'electron';
import { isSafeAuthorizeUrl, isSafeExternalUrl } from './safe-url';

/** The only caller of shell.openExternal (lint enforces it): unsafe URLs are refused, never opened. */
export function openExternalIfSafe(url: string, onRefused?: (url: string) => void): boolean {
  if (!isSafeExternalUrl(url)) {
    onRefused?.(url);
    return false;
  }
  void shell.openExternal(url);
  return true;
}

/** Opens a CRM sign-in page in the system browser (RFC 8252: never an embedded view). */
export async function openAuthorizeUrl(url: string): Promise<void> {
  if (!isSafeAuthorizeUrl(url)) throw new Error(`Refused to open a sign-in page that is neither https nor on this computer: ${String(url).slice(0, 120)}`);
  await shell.openExternal(url);
}
