import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { OAuthCallbackError, startLoopbackServer } from '../../main/auth/loopback-server';
import { authorizeWithLoopback } from '../../main/auth/oauth-flow';
import { MemorySecretStore } from '../../main/auth/secret-store';
import { providerDefinition, providerDefinitions } from '../../main/providers/registry';
import type { ProviderSettings } from '../../main/providers/definition';
import { writeSetting } from '../../main/store/settings';
import { DEFAULT_CALLBACK_PORT, registeredCallbackUrl } from '../../shared/oauth-redirect';
import { makeApp, portOpen, type TestApp } from './helpers';

const noSettings: ProviderSettings = { get: () => undefined };
const INPUT = { clientId: 'id', clientSecret: 'secret', domain: 'acme' };

/** The redirect_uri a real sign-in of `provider` sends, stopped as soon as the URL is known. */
async function sentRedirect(provider: string): Promise<string> {
  const def = providerDefinition(provider);
  const config = def.resolveConfig(INPUT, noSettings);
  const abort = new AbortController();
  let seen: string | undefined;
  await authorizeWithLoopback({ ...def.oauth!.request(config, INPUT.clientSecret), redirect: def.oauth!.redirect, signal: abort.signal, openUrl: (url) => ((seen = url), abort.abort()) }).catch(() => undefined);
  return new URL(seen!).searchParams.get('redirect_uri')!;
}

/** Something else listening on 127.0.0.1 (another app holding the port). */
function occupy(port = 0): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().once('error', reject);
    s.listen(port, '127.0.0.1', () => resolve(s));
  });
}
const freePort = async (): Promise<number> => {
  const s = await occupy();
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
};
const portOpenOn = (host: string, port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
function get(port: number, path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => (res.resume(), res.on('end', () => resolve(res.statusCode ?? 0))));
    req.on('error', reject);
    req.end();
  });
}

describe('OAuth redirect policy', () => {
  // Only this file signs in on the real default port; every other test file overrides it.
  it('sends exactly the callback URL each OAuth provider declares, on a fixed port', async () => {
    const oauthProviders = providerDefinitions.filter((d) => d.oauth);
    expect(oauthProviders.map((d) => d.id).sort()).toEqual(['bling', 'hubspot', 'pipedrive', 'salesforce']);
    for (const def of oauthProviders) {
      expect(def.oauth!.redirect.port, def.id).toBe(DEFAULT_CALLBACK_PORT);
      expect(await sentRedirect(def.id), def.id).toBe(registeredCallbackUrl(def.oauth!.redirect));
    }
    expect(await sentRedirect('salesforce')).toBe('http://localhost:47411/callback');
    expect(await sentRedirect('hubspot')).toBe('http://localhost:47411/callback');
    expect(await sentRedirect('bling')).toBe('http://127.0.0.1:47411/callback');
  });

  it('fails with a clear message naming the port when a fixed port is busy, and does not move to another port', async () => {
    const blocker = await occupy();
    const { port } = blocker.address() as AddressInfo;
    try {
      const err = await startLoopbackServer({ expectedState: 's', redirect: { host: 'localhost', port, path: '/callback' } }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(OAuthCallbackError);
      expect((err as OAuthCallbackError).reason).toBe('port_busy');
      expect((err as Error).message).toContain(`Port ${port} on this computer is in use`);
      expect((err as Error).message).toContain(`http://localhost:${port}/callback`);
      expect((err as Error).message).toMatch(/Close the program.*oauth\.callbackPort.*--callback-port.*register/s);
      expect(await portOpenOn('::1', port)).toBe(false);
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });

  it('on a fixed localhost port listens on 127.0.0.1 and ::1 only, takes exactly one valid callback and is gone afterwards', async () => {
    const port = await freePort();
    const server = await startLoopbackServer({ expectedState: 'st', timeoutMs: 5000, redirect: { host: 'localhost', port, path: '/callback' } });
    expect(server.redirectUri).toBe(`http://localhost:${port}/callback`);
    expect(server.port).toBe(port);
    expect(await portOpenOn('127.0.0.1', port)).toBe(true);
    expect(await portOpenOn('::1', port)).toBe(true);
    expect(await get(port, '/callback?code=c1&state=st', `localhost:${port}`)).toBe(200);
    expect((await server.result).get('code')).toBe('c1');
    expect(await portOpen(port)).toBe(false);
    expect(await portOpenOn('::1', port)).toBe(false);
    await expect(get(port, '/callback?code=c2&state=st', `localhost:${port}`)).rejects.toThrow();
  });
});

describe('callback port override in the connections service', () => {
  let app: TestApp;
  beforeAll(() => {
    app = makeApp({ secrets: new MemorySecretStore() });
  });
  afterAll(async () => {
    await app.cleanup();
  });

  const redirectOf = async (callbackPort?: number): Promise<string> => {
    const started = await app.services.connections.startConnect({ provider: 'hubspot', loginUrl: 'http://127.0.0.1:9', clientId: 'id', clientSecret: 'secret' }, { openUrl: () => false, callbackPort });
    started.done.catch(() => undefined);
    app.services.connections.cancel(started.attemptId);
    await started.done.catch(() => undefined);
    return new URL(started.authorizeUrl).searchParams.get('redirect_uri')!;
  };

  it('uses the setting oauth.callbackPort, and a per-attempt port (the CLI flag) over it', async () => {
    const settingPort = await freePort();
    writeSetting(app.services.db, 'oauth.callbackPort', settingPort);
    expect(await redirectOf()).toBe(`http://localhost:${settingPort}/callback`);
    const flagPort = await freePort();
    expect(await redirectOf(flagPort)).toBe(`http://localhost:${flagPort}/callback`);
    writeSetting(app.services.db, 'oauth.callbackPort', 0);
    const anyPort = Number(new URL(await redirectOf()).port);
    expect(anyPort).toBeGreaterThan(0);
    expect(anyPort).not.toBe(DEFAULT_CALLBACK_PORT);
  });

  it('refuses to start a sign-in when the chosen port is busy, saying which port', async () => {
    const blocker = await occupy();
    const { port } = blocker.address() as AddressInfo;
    try {
      await expect(redirectOf(port)).rejects.toThrow(`Port ${port} on this computer is in use`);
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });
});
