import { randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh session token: 32 random bytes, base64url (43 characters). */
export function createSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison so response timing does not leak how much of a guess was right. */
export function tokensMatch(expected: string, candidate: string | null | undefined): boolean {
  if (typeof candidate !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(candidate);
  return a.length === b.length && timingSafeEqual(a, b);
}
