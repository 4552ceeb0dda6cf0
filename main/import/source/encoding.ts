import type { ImportEncoding } from '../../../shared/ipc/channels/import';

export interface EncodingGuess {
  encoding: ImportEncoding;
  /** Bytes of byte-order mark at the start of the file. */
  bomLength: number;
  /** False when the guess is a fallback (no BOM, not valid UTF-8). */
  certain: boolean;
}

/** How many leading bytes the guesses look at (a whole small file, the head of a big one). */
export const SNIFF_BYTES = 1024 * 1024;

/**
 * BOMs decide; without one, a NUL in every other byte means BOM-less UTF-16; text that decodes
 * as strict UTF-8 is UTF-8; anything else is taken as Windows-1252, which is what spreadsheet
 * apps on Windows write and which decodes every byte.
 */
export function detectEncoding(head: Uint8Array): EncodingGuess {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3, certain: true };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2, certain: true };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2, certain: true };
  const utf16 = guessBomlessUtf16(head);
  if (utf16) return { encoding: utf16, bomLength: 0, certain: false };
  if (isValidUtf8(head)) return { encoding: 'utf-8', bomLength: 0, certain: true };
  return { encoding: 'windows-1252', bomLength: 0, certain: false };
}

export function bomLengthOf(head: Uint8Array, encoding: ImportEncoding): number {
  if (encoding === 'utf-8') return head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  if (encoding === 'utf-16le') return head[0] === 0xff && head[1] === 0xfe ? 2 : 0;
  if (encoding === 'utf-16be') return head[0] === 0xfe && head[1] === 0xff ? 2 : 0;
  return 0;
}

function guessBomlessUtf16(head: Uint8Array): ImportEncoding | null {
  const n = Math.min(head.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenZeros++;
    if (head[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  // ASCII-heavy text in UTF-16 has a zero in nearly every code unit's high byte.
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

function isValidUtf8(head: Uint8Array): boolean {
  const end = completeUtf8Prefix(head);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/** Drops a multi-byte sequence cut off by the end of the sample so it is not taken as invalid. */
function completeUtf8Prefix(b: Uint8Array): number {
  const n = b.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const byte = b[n - back];
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}

/**
 * Text that is mostly control characters is not a CSV export (images, zips, executables):
 * better to say so than to import noise.
 */
export function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 65536);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) control++;
  }
  return control / n > 0.02;
}
