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

/**
 * Sign-in pages: https like any link, plus http on a loopback address, which is where local
 * CRM emulators (demo mode, a company's test rig) serve their consent page. Never another host.
 */
export function isSafeAuthorizeUrl(url: unknown): url is string {
  if (isSafeExternalUrl(url)) return true;
  if (typeof url !== 'string' || url.length > 4096) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname) && parsed.username === '';
  } catch {
    return false;
  }
}
