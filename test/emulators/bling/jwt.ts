import { createHmac } from 'node:crypto';

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * An HS256 JWT signed with the emulator's own key: the shape Bling issues when `/oauth/token`
 * is called with `enable-jwt: 1`. Clients must treat it as opaque; the emulator validates it by
 * lookup, not by signature.
 */
export function signJwt(payload: Record<string, unknown>, key: Buffer): string {
  const head = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(payload)}`;
  return `${head}.${createHmac('sha256', key).update(head).digest('base64url')}`;
}
