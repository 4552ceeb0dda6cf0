import { describe, expect, it } from 'vitest';
import http from 'node:http';
import { OAuthCallbackError, startLoopbackServer } from '../../main/auth/loopback-server';
import { portOpen } from './helpers';

/** A GET with an explicit Host header (fetch would refuse to set one). */
function get(port: number, path: string, host = `127.0.0.1:${port}`): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('loopback OAuth callback server', () => {
  it('listens on 127.0.0.1 only, accepts one valid callback, answers "You can close this tab" and closes', async () => {
    const server = await startLoopbackServer({ expectedState: 'st-1', timeoutMs: 5000 });
    expect(server.redirectUri).toBe(`http://127.0.0.1:${server.port}/callback`);
    expect(await portOpen(server.port)).toBe(true);
    const page = await get(server.port, '/callback?code=abc&state=st-1');
    expect(page.status).toBe(200);
    expect(page.body).toContain('You can close this tab');
    const params = await server.result;
    expect(params.get('code')).toBe('abc');
    // A port scan after the callback: nothing listens any more.
    expect(await portOpen(server.port)).toBe(false);
    await expect(get(server.port, '/callback?code=again&state=st-1')).rejects.toThrow();
  });

  it('refuses a wrong state with a clear message and ends the attempt', async () => {
    const server = await startLoopbackServer({ expectedState: 'right', timeoutMs: 5000 });
    const page = await get(server.port, '/callback?code=abc&state=wrong');
    expect(page.status).toBe(400);
    expect(page.body).toContain('state mismatch');
    const err = await server.result.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OAuthCallbackError);
    expect((err as OAuthCallbackError).reason).toBe('state_mismatch');
    expect((err as Error).message).toMatch(/Click Connect to start again/);
    expect(await portOpen(server.port)).toBe(false);
  });

  it('refuses a callback without a code', async () => {
    const server = await startLoopbackServer({ expectedState: 's', timeoutMs: 5000 });
    const page = await get(server.port, '/callback?state=s');
    expect(page.status).toBe(400);
    const err = (await server.result.catch((e: unknown) => e)) as OAuthCallbackError;
    expect(err.reason).toBe('missing_code');
    expect(err.message).toMatch(/no authorization code/);
  });

  it('reports a denial by the provider', async () => {
    const server = await startLoopbackServer({ expectedState: 's', timeoutMs: 5000 });
    await get(server.port, '/callback?state=s&error=access_denied&error_description=end-user%20denied%20authorization');
    const err = (await server.result.catch((e: unknown) => e)) as OAuthCallbackError;
    expect(err.reason).toBe('denied');
    expect(err.message).toContain('end-user denied authorization');
  });

  it('ignores other paths and foreign Host headers without ending the attempt', async () => {
    const server = await startLoopbackServer({ expectedState: 's', timeoutMs: 5000 });
    expect((await get(server.port, '/favicon.ico')).status).toBe(404);
    expect((await get(server.port, '/callback?code=x&state=s', 'evil.example:80')).status).toBe(421);
    const ok = await get(server.port, '/callback?code=real&state=s');
    expect(ok.status).toBe(200);
    expect((await server.result).get('code')).toBe('real');
  });

  it('times out, says so, and stops listening', async () => {
    const server = await startLoopbackServer({ expectedState: 's', timeoutMs: 150 });
    const err = (await server.result.catch((e: unknown) => e)) as OAuthCallbackError;
    expect(err.reason).toBe('timeout');
    expect(err.message).toMatch(/No answer from the browser/);
    expect(await portOpen(server.port)).toBe(false);
  });

  it('can be cancelled', async () => {
    const controller = new AbortController();
    const server = await startLoopbackServer({ expectedState: 's', timeoutMs: 5000, signal: controller.signal });
    controller.abort();
    const err = (await server.result.catch((e: unknown) => e)) as OAuthCallbackError;
    expect(err.reason).toBe('cancelled');
    expect(await portOpen(server.port)).toBe(false);
  });
});
