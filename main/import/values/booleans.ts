const truthy = new Set(['yes', 'y', 'true', 't', '1', 'x', 'checked in', 'checkedin', 'checked-in', 'attended', 'opt-in', 'opt in', 'optin', 'opted in', 'opted-in', 'subscribed', 'on', 'agree', 'agreed', 'granted', 'ja', 'oui', 'si', 'sí', '✓', '✔']);
const falsy = new Set(['no', 'n', 'false', 'f', '0', 'not checked in', 'opt-out', 'opt out', 'optout', 'opted out', 'opted-out', 'unsubscribed', 'off', 'declined', 'denied', 'nein', 'non', '-']);

/** yes/no/true/false/1/0/opt-in/opt-out and friends; null when the text says neither. */
export function parseBoolean(raw: string): boolean | null {
  const v = raw.trim().toLowerCase();
  if (truthy.has(v)) return true;
  if (falsy.has(v)) return false;
  return null;
}
