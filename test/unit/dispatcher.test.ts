import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppServices, type AppServices } from '../../main/services/app-services';
import { createHandlers } from '../../main/ipc/handlers';
import { createDispatcher, type Dispatch } from '../../main/ipc/dispatcher';
import { channelNames, channels } from '../../shared/ipc/contract';

describe('IPC dispatcher', () => {
  let dir: string;
  let services: AppServices;
  let dispatch: Dispatch;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tcs-ipc-'));
    services = createAppServices({ dataDir: dir, shell: 'test', logToConsole: false });
    dispatch = createDispatcher(createHandlers(services), services.logger, { checkResponses: true });
  });
  afterEach(async () => {
    await services.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('rejects a malformed payload with a message naming the channel and the field', async () => {
    const res = await dispatch('settings:set', { key: 'log.debug', value: { nested: 'object' } });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('INVALID_REQUEST');
    expect(res.error.message).toMatch(/^Invalid request for settings:set: /);
    expect(res.error.message).toContain('value');
  });

  it('rejects unknown keys on strict requests and unknown channels', async () => {
    const extra = await dispatch('app:info', { evil: true });
    expect(extra.ok).toBe(false);
    const unknown = await dispatch('app:exec', {});
    expect(unknown).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'Unknown channel: app:exec' } });
    const proto = await dispatch('__proto__', {});
    expect(proto.ok).toBe(false);
  });

  it('rejects a setting key that is not in the contract', async () => {
    const res = await dispatch('settings:set', { key: 'salesforce.accessToken', value: 'x' });
    expect(res.ok).toBe(false);
  });

  it('answers valid calls with data that matches the response schema', async () => {
    const res = await dispatch('settings:set', { key: 'sync.maxAttempts', value: 5 });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect((res.data as Record<string, unknown>)['sync.maxAttempts']).toBe(5);
    const info = await dispatch('app:info', {});
    expect(info.ok && (info.data as { schemaVersion: number }).schemaVersion).toBeGreaterThan(0);
  });

  it('names every channel domain:method with a summary', () => {
    for (const name of channelNames) {
      expect(name).toMatch(/^[a-z]+:[a-zA-Z]+$/);
      expect(channels[name].summary.length).toBeGreaterThan(5);
    }
  });
});
