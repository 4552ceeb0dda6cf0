import { TOKEN_PARAM } from '../../shared/ipc/wire';
import { tokensMatch } from './session-token';

/**
 * Pure checks the browser host applies to every HTTP request and WebSocket upgrade. They take
 * plain strings so they are tested without a server.
 */

/** Cookies are not port-scoped, so the name carries the port: two hosts on one machine never clash. */
export const sessionCookieName = (port: number): string => `tcs_session_${port}`;

/** Only our own loopback names: a DNS-rebound hostname pointing at 127.0.0.1 is refused. */
export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  return hostHeader === `127.0.0.1:${port}` || hostHeader === `localhost:${port}`;
}

/** The page we served is the only origin allowed to open the IPC socket. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export type AuthResult =
  | { ok: true; via: 'query' | 'cookie' }
  | { ok: false; status: 401 | 403; reason: string };

/** A token in the URL wins over the cookie; no token at all is 401, a wrong one 403. */
export function authenticate(url: URL, cookieHeader: string | undefined, token: string, port: number): AuthResult {
  const fromQuery = url.searchParams.get(TOKEN_PARAM);
  if (fromQuery !== null) {
    return tokensMatch(token, fromQuery) ? { ok: true, via: 'query' } : { ok: false, status: 403, reason: 'Wrong session token.' };
  }
  const fromCookie = readCookie(cookieHeader, sessionCookieName(port));
  if (fromCookie === undefined) return { ok: false, status: 401, reason: 'Session token required: open the URL the app printed.' };
  return tokensMatch(token, fromCookie) ? { ok: true, via: 'cookie' } : { ok: false, status: 403, reason: 'Wrong session token.' };
}

export function sessionCookie(token: string, port: number): string {
  return `${sessionCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}
