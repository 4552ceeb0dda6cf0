import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApp, start, type TestApp } from './helpers';
import type { Emulator } from '../emulators/index';
import { MemorySecretStore } from '../../main/auth/secret-store';
import { createHandlers } from '../../main/ipc/handlers';
import { createDispatcher, type Dispatch } from '../../main/ipc/dispatcher';
import type { ConnectionView, ProviderInfo } from '../../shared/ipc/channels/connections';
import { providerIds } from '../../main/providers/registry';

const TOKEN = 'abcdefabcdefabcdefabcdefabcdefabcdefabcd';

describe('connections over the IPC contract (responses checked against their schemas)', () => {
  let emu: Emulator;
  let app: TestApp;
  let dispatch: Dispatch;
  const events: string[] = [];

  beforeAll(async () => {
    emu = await start('pipedrive', { token: TOKEN });
    app = makeApp({ secrets: new MemorySecretStore() });
    dispatch = createDispatcher(createHandlers(app.services), app.services.logger, { checkResponses: true });
    app.services.events.subscribe((name) => void events.push(name));
  });
  afterAll(async () => {
    await app.cleanup();
    await emu.close();
  });

  it('lists the providers with their connect forms, from the registry', async () => {
    const res = await dispatch('connections:providers', {});
    expect(res.ok).toBe(true);
    const providers = (res as { data: ProviderInfo[] }).data;
    expect(providers.map((p) => p.id)).toEqual(providerIds);
    expect(providerIds.slice(0, 3)).toEqual(['salesforce', 'hubspot', 'pipedrive']);
    expect(providers.every((p) => p.changeTracking === 'incremental' || p.changeTracking === 'reconcile')).toBe(true);
    const sf = providers.find((p) => p.id === 'salesforce')!.authMethods.find((m) => m.kind === 'oauth')!;
    expect(sf.fields.find((f) => f.key === 'loginUrl')).toMatchObject({ default: 'https://login.salesforce.com', allowCustom: true });
    expect(sf.fields.find((f) => f.key === 'clientSecret')).toMatchObject({ secret: true });
  });

  it('connects with a token, tests and disconnects; no answer carries the token', async () => {
    const connected = await dispatch('connections:connectToken', { provider: 'pipedrive', token: TOKEN, domain: 'acme', loginUrl: emu.url });
    expect(connected.ok).toBe(true);
    expect((connected as { data: ConnectionView }).data).toMatchObject({ id: 'pipedrive', status: 'connected' });
    const list = await dispatch('connections:list', {});
    const tested = await dispatch('connections:test', { connectionId: 'pipedrive' });
    expect(tested).toMatchObject({ ok: true, data: { ok: true } });
    const gone = await dispatch('connections:disconnect', { connectionId: 'pipedrive' });
    expect(gone).toMatchObject({ ok: true, data: { revoked: false, connection: { status: 'disconnected' } } });
    for (const r of [connected, list, tested, gone]) expect(JSON.stringify(r)).not.toContain(TOKEN);
    expect(events.filter((e) => e === 'connectionChanged').length).toBeGreaterThanOrEqual(3);
  });

  it('answers user-facing errors with what to do', async () => {
    const bad = await dispatch('connections:connectToken', { provider: 'pipedrive', token: TOKEN });
    expect(bad).toMatchObject({ ok: false, error: { message: expect.stringMatching(/company domain/) } });
    const refused = await dispatch('connections:connectToken', { provider: 'pipedrive', token: 'wrong-token-123456', domain: 'acme', loginUrl: emu.url });
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringMatching(/API token/) } });
    expect(JSON.stringify(refused)).not.toContain('wrong-token-123456');
    const invalid = await dispatch('connections:connectToken', { provider: 'zoho', token: 'x' });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  });
});
