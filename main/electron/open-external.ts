import { shell } from 'electron';
import { isSafeExternalUrl } from './safe-url';

/** The only caller of shell.openExternal (lint enforces it): unsafe URLs are refused, never opened. */
export function openExternalIfSafe(url: string, onRefused?: (url: string) => void): boolean {
  if (!isSafeExternalUrl(url)) {
    onRefused?.(url);
    return false;
  }
  void shell.openExternal(url);
  return true;
}
