import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApp, portOf, portOpen, type TestApp, useAnyCallbackPort } from './helpers';
import { startEmulator, type Emulator } from '../emulators/index';
import type { ConnectAttemptEvent } from '../../shared/ipc/channels/connections';

const CLIENT_ID = '3MVG9EmulatorTicketCrmSyncConsumerKey';

/** The browser came back, but not the way the provider would send it. */
const callback = (authorizeUrl: string, query: string) => {
  const redirect = new URL(authorizeUrl).searchParams.get('redirect_uri')!;
  return fetch(`${redirect}?${query}`).then(async (r) => ({ status: r.status, body: await r.text() }));
};

describe('browser sign-in failures end the attempt with a message and close the callback server', () => {
  let emu: Emulator;
  let app: TestApp;
  const events: ConnectAttemptEvent[] = [];

  beforeAll(async () => {
    emu = await startEmulator('salesforce');
    app = makeApp({ service: 'ticket-crm-sync-test-errors' });
    useAnyCallbackPort(app.services.db);
    app.services.events.subscribe((name, payload) => {
      if (name === 'connectAttempt') events.push(payload as ConnectAttemptEvent);
    });
  });
  afterAll(async () => {
    await app.cleanup();
    await emu.close();
  });

  const begin = (timeoutMs = 5000) => app.services.connections.startConnect({ provider: 'salesforce', loginUrl: emu.url, clientId: CLIENT_ID }, { openUrl: () => false, timeoutMs });

  it('wrong state', async () => {
    const started = await begin();
    expect(started.openedBrowser).toBe(false);
    const page = await callback(started.authorizeUrl, 'code=forged&state=not-ours');
    expect(page.status).toBe(400);
    await expect(started.done).rejects.toThrow(/state mismatch/);
    expect(await portOpen(portOf(started.authorizeUrl))).toBe(false);
    expect(events.at(-1)).toMatchObject({ attemptId: started.attemptId, state: 'failed', provider: 'salesforce' });
    expect(app.services.connections.list()).toEqual([]);
  });

  it('missing code', async () => {
    const started = await begin();
    const state = new URL(started.authorizeUrl).searchParams.get('state')!;
    expect((await callback(started.authorizeUrl, `state=${state}`)).status).toBe(400);
    await expect(started.done).rejects.toThrow(/no authorization code/);
    expect(await portOpen(portOf(started.authorizeUrl))).toBe(false);
  });

  it('a code the provider does not know (wrong verifier or forged) is refused at the token endpoint', async () => {
    const started = await begin();
    const state = new URL(started.authorizeUrl).searchParams.get('state')!;
    expect((await callback(started.authorizeUrl, `code=made-up&state=${state}`)).status).toBe(200);
    await expect(started.done).rejects.toThrow(/invalid authorization code/);
    expect(app.services.connections.list()).toEqual([]);
  });

  it('timeout', async () => {
    const started = await begin(200);
    await expect(started.done).rejects.toThrow(/No answer from the browser/);
    expect(await portOpen(portOf(started.authorizeUrl))).toBe(false);
    expect(events.at(-1)).toMatchObject({ attemptId: started.attemptId, state: 'failed' });
  });

  it('cancel', async () => {
    const started = await begin();
    expect(app.services.connections.cancel(started.attemptId)).toBe(true);
    await expect(started.done).rejects.toThrow(/cancelled/);
    expect(events.at(-1)).toMatchObject({ attemptId: started.attemptId, state: 'cancelled' });
    expect(await portOpen(portOf(started.authorizeUrl))).toBe(false);
  });

  it('a missing consumer key is asked for before any browser opens', async () => {
    await expect(app.services.connections.startConnect({ provider: 'salesforce', loginUrl: emu.url }, { openUrl: () => true })).rejects.toThrow(/consumer key/);
  });

  it('a login URL that is not https is refused', async () => {
    await expect(app.services.connections.startConnect({ provider: 'salesforce', loginUrl: 'http://evil.example', clientId: CLIENT_ID })).rejects.toThrow(/https/);
  });
});
