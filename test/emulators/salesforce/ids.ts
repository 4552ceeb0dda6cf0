/** Salesforce record ids: 15 case-sensitive characters plus a 3-character case-safe checksum. */

const SUFFIX_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
// Digits first so that ids minted later sort after earlier ones, like real ids do within a pod.
const COUNTER_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function checksumSuffix(id15: string): string {
  let suffix = '';
  for (let block = 0; block < 3; block++) {
    let flags = 0;
    for (let bit = 0; bit < 5; bit++) {
      const c = id15.charCodeAt(block * 5 + bit);
      if (c >= 65 && c <= 90) flags |= 1 << bit;
    }
    suffix += SUFFIX_CHARS[flags];
  }
  return suffix;
}

/** The 18-character form of a well-formed 15- or 18-character id, or undefined when malformed. */
export function normalizeId(value: unknown): string | undefined {
  if (typeof value !== 'string' || !/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(value)) return undefined;
  const id15 = value.slice(0, 15);
  const full = id15 + checksumSuffix(id15);
  if (value.length === 18 && value.slice(15).toUpperCase() !== full.slice(15)) return undefined;
  return full;
}

export const keyPrefixOf = (id: string): string => id.slice(0, 3);

function counterString(n: number, width: number): string {
  let s = '';
  let rest = n;
  do {
    s = COUNTER_CHARS[rest % COUNTER_CHARS.length] + s;
    rest = Math.floor(rest / COUNTER_CHARS.length);
  } while (rest > 0);
  return s.padStart(width, '0');
}

/** Mints unique 18-character ids for a key prefix; never reuses one, even across resets. */
export class IdFactory {
  private counter = 0;
  constructor(private readonly pod = 'Em') {}

  next(keyPrefix: string): string {
    this.counter++;
    const id15 = `${keyPrefix}${this.pod}0000${counterString(this.counter, 6)}`;
    return id15 + checksumSuffix(id15);
  }
}

/** A random opaque token of url-safe characters. */
export function randomToken(bytes = 24): string {
  const buf = new Uint8Array(bytes);
  crypto.getRandomValues(buf);
  return Buffer.from(buf).toString('base64url');
}
