import { describe, it, expect } from 'vitest';
import { join, resolve } from 'node:path';
import { authenticate, isAllowedHost, isAllowedOrigin, readCookie, sessionCookieName } from '../../main/host/request-guard';
import { resolveStaticPath, contentTypeOf } from '../../main/host/static-files';
import { createSessionToken, tokensMatch } from '../../main/host/session-token';
import { parseServeArgs } from '../../main/host/serve';

const root = resolve('/srv/app/renderer');

describe('resolveStaticPath', () => {
  it('maps / to index.html and plain paths inside the root', () => {
    expect(resolveStaticPath(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/a.js')).toBe(join(root, 'assets', 'a.js'));
    expect(resolveStaticPath(root, '/assets/a%20b.js')).toBe(join(root, 'assets', 'a b.js'));
  });

  it('refuses traversal, encoded separators, backslashes, NUL and bad escapes', () => {
    for (const p of ['/../etc/passwd', '/assets/../../etc/passwd', '/%2e%2e/x', '/..%2f..%2fx', '/..%5cx', '/a%00.js', '/%E0%A4%A', '//etc/passwd/..']) {
      expect(resolveStaticPath(root, p), p).toBeNull();
    }
  });

  it('names content types by extension', () => {
    expect(contentTypeOf('a.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('a.svg')).toBe('image/svg+xml');
    expect(contentTypeOf('a.woff2')).toBe('font/woff2');
    expect(contentTypeOf('a.bin')).toBe('application/octet-stream');
  });
});

describe('request guards', () => {
  it('accepts only our loopback Host and Origin on our port', () => {
    expect(isAllowedHost('127.0.0.1:5000', 5000)).toBe(true);
    expect(isAllowedHost('localhost:5000', 5000)).toBe(true);
    for (const h of [undefined, '127.0.0.1', '127.0.0.1:5001', 'evil.example:5000', '0.0.0.0:5000', '[::1]:5000']) {
      expect(isAllowedHost(h, 5000), String(h)).toBe(false);
    }
    expect(isAllowedOrigin('http://127.0.0.1:5000', 5000)).toBe(true);
    for (const o of [undefined, 'null', 'http://evil.example', 'https://127.0.0.1:5000', 'http://127.0.0.1:5001']) {
      expect(isAllowedOrigin(o, 5000), String(o)).toBe(false);
    }
  });

  it('reads one cookie by exact name', () => {
    expect(readCookie('a=1; tcs_session_5=tok; b=2', 'tcs_session_5')).toBe('tok');
    expect(readCookie('xtcs_session_5=tok', 'tcs_session_5')).toBeUndefined();
    expect(readCookie(undefined, 'x')).toBeUndefined();
  });

  it('authenticates by query token first, then the port-scoped cookie', () => {
    const token = createSessionToken();
    const u = (q: string) => new URL(`http://127.0.0.1:5/${q}`);
    expect(authenticate(u(`?token=${token}`), undefined, token, 5)).toEqual({ ok: true, via: 'query' });
    expect(authenticate(u(''), `${sessionCookieName(5)}=${token}`, token, 5)).toEqual({ ok: true, via: 'cookie' });
    expect(authenticate(u(''), `${sessionCookieName(6)}=${token}`, token, 5)).toMatchObject({ ok: false, status: 401 });
    expect(authenticate(u('?token=bad'), `${sessionCookieName(5)}=${token}`, token, 5)).toMatchObject({ ok: false, status: 403 });
  });

  it('makes distinct 43-character tokens and compares them exactly', () => {
    const a = createSessionToken();
    expect(a).toHaveLength(43);
    expect(createSessionToken()).not.toBe(a);
    expect(tokensMatch(a, a)).toBe(true);
    expect(tokensMatch(a, a.slice(0, -1))).toBe(false);
    expect(tokensMatch(a, undefined)).toBe(false);
  });
});

describe('parseServeArgs', () => {
  it('reads --data-dir, --port (also from env) and --debug', () => {
    expect(parseServeArgs(['--data-dir', '/d', '--port=8123', '--debug'], {})).toEqual({ dataDir: '/d', port: 8123, debug: true });
    expect(parseServeArgs([], { TICKET_CRM_SYNC_PORT: '9000' })).toEqual({ port: 9000, debug: false });
  });

  it('refuses unknown options, missing values and bad ports', () => {
    expect(() => parseServeArgs(['--nope'], {})).toThrow(/Unknown option/);
    expect(() => parseServeArgs(['--data-dir'], {})).toThrow(/needs a value/);
    expect(() => parseServeArgs(['--port', '70000'], {})).toThrow(/Not a port/);
  });
});
