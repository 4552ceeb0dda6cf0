/**
 * The one check for links leaving the app: only https URLs with a host and no embedded
 * credentials go to the system browser. Everything else (file:, javascript:, custom schemes,
 * http) is dropped.
 */
export function isSafeExternalUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url.length > 2048) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
}
