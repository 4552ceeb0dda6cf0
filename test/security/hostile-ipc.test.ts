import { describe, it, expect, beforeAll, afterAll, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppServices, type AppServices } from '../../main/services/app-services';
import { MemorySecretStore } from '../../main/auth/secret-store';
import { createHandlers } from '../../main/ipc/handlers';
import { createDispatcher, type Dispatch, type Handlers } from '../../main/ipc/dispatcher';
import { payloadProblem, MAX_PAYLOAD_DEPTH } from '../../main/ipc/payload-guard';
import { registerIpcHandlers } from '../../main/electron/ipc-register';
import { channelNames } from '../../shared/ipc/contract';
import { readAllSettings } from '../../main/store/settings';

/** A `depth`-deep chain of objects under `key`. */
function nested(depth: number, key = 'a'): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  let at = root;
  for (let i = 0; i < depth; i++) {
    const next: Record<string, unknown> = {};
    at[key] = next;
    at = next;
  }
  return root;
}

const hubspotRun = (body: unknown) => ({ connectionId: 'hubspot', input: { language: 'hubspot-search', object: 'contacts', body } });

describe('hostile IPC payloads', () => {
  let dir: string;
  let services: AppServices;
  let dispatch: Dispatch;
  let warnings: string[];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tcs-hostile-'));
    services = createAppServices({ dataDir: dir, shell: 'test', logToConsole: false, secretStore: new MemorySecretStore() });
    warnings = [];
    services.logger.onLine((l) => warnings.push(l.message));
    dispatch = createDispatcher(createHandlers(services), services.logger, { checkResponses: true });
  });
  afterAll(async () => {
    await services.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers unknown and prototype-named channels as unknown, never reaching a handler', async () => {
    const long = `app:${'x'.repeat(10_000)}`;
    for (const ch of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'app:info\0', 'APP:INFO', 'app:info ', '', long, 42, null, undefined, { toString: () => 'app:info' }, ['app:info']]) {
      const res = await dispatch(ch, {});
      expect(res, String(ch).slice(0, 40)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
      if (!res.ok) expect(res.error.message.length).toBeLessThan(120);
    }
  });

  it('refuses a payload of the wrong type on every channel', async () => {
    for (const name of channelNames) {
      for (const payload of ['a string', 42, true, [], [{}], () => 1]) {
        const res = await dispatch(name, payload);
        expect(res, `${name} ← ${typeof payload}`).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
      }
    }
  });

  it('refuses prototype-pollution keys on every channel and pollutes nothing', async () => {
    const attacks = [
      JSON.parse('{"__proto__": {"polluted": "yes"}}') as unknown,
      JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}') as unknown,
      { key: 'ui.theme', value: 'dark', nested: JSON.parse('{"__proto__": {"isAdmin": true}}') as unknown },
    ];
    for (const name of channelNames) {
      for (const payload of attacks) {
        const res = await dispatch(name, payload);
        expect(res, name).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
      }
    }
    const body = JSON.parse('{"filterGroups": [], "__proto__": {"polluted": "yes"}}') as unknown;
    expect(await dispatch('query:run', hubspotRun(body))).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', message: 'Invalid request for query:run: the key "__proto__" is not allowed.' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('lets a plain value named like a prototype key through (a CSV column called "constructor")', () => {
    expect(payloadProblem({ columns: { constructor: 'person.email', prototype: 'ignore' } })).toBeNull();
  });

  it('refuses deeply nested and self-referencing payloads before any schema walks them', async () => {
    const started = Date.now();
    const deep = await dispatch('query:run', hubspotRun(nested(100_000)));
    expect(deep).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', message: `Invalid request for query:run: nested deeper than ${MAX_PAYLOAD_DEPTH} levels.` } });
    expect(Date.now() - started).toBeLessThan(2000);
    const arrays = JSON.parse(`${'['.repeat(5000)}${']'.repeat(5000)}`) as unknown;
    expect(await dispatch('query:run', hubspotRun({ filterGroups: arrays }))).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    const cyclic: Record<string, unknown> = { filterGroups: [] };
    cyclic.self = cyclic;
    expect(await dispatch('query:run', hubspotRun(cyclic))).toMatchObject({ ok: false, error: { message: 'Invalid request for query:run: it refers to itself.' } });
    // A realistic search body is far from the limit.
    expect(payloadProblem(hubspotRun({ filterGroups: [{ filters: [{ propertyName: 'email', operator: 'IN', values: ['a@b.c'] }] }] }))).toBeNull();
  });

  it('refuses oversized strings and leaves state unchanged', async () => {
    const before = readAllSettings(services.db);
    const cases: Array<[string, unknown]> = [
      ['settings:set', { key: 'salesforce.clientId', value: 'x'.repeat(2001) }],
      ['settings:set', { key: 'salesforce.clientId', value: 'x'.repeat(5_000_000) }],
      ['log:audit', { search: 's'.repeat(201) }],
      ['schedule:set', { connectionId: 'hubspot', direction: 'push', spec: { kind: 'cron', expression: `${'1,'.repeat(60)}2 * * * *` } }],
      ['schedule:set', { connectionId: 'h'.repeat(65), direction: 'push', spec: { kind: 'hourly' } }],
      ['data:restore', { name: `${'a'.repeat(200)}.sqlite`, confirm: true }],
      ['connections:connectToken', { provider: 'hubspot', token: 't'.repeat(4001) }],
    ];
    for (const [name, payload] of cases) {
      expect(await dispatch(name, payload), name).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    }
    expect(readAllSettings(services.db)).toEqual(before);
  });

  it('refuses wrong field types and unknown keys, naming the field but never echoing a secret', async () => {
    warnings.length = 0;
    const token = 'pat-na1-12345678-aaaa-bbbb-cccc';
    const res = await dispatch('connections:connectToken', { provider: 'hubspot', token, label: 42, smuggled: token });
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    if (res.ok) return;
    expect(res.error.message).toContain('label');
    expect(res.error.message).not.toContain(token);
    expect(warnings.join('\n')).not.toContain(token);
    for (const [name, payload] of [
      ['settings:set', { key: 'log.debug', value: ['array'] }],
      ['settings:set', { key: { toString: 'log.debug' }, value: true }],
      ['schedule:runNow', { connectionId: 7 }],
      ['data:deleteAll', { confirm: true }],
      ['schedule:set', { connectionId: 'hubspot', direction: 'push', spec: { kind: 'weekly', day: 9, time: '09:00' } }],
    ] as const) {
      expect(await dispatch(name, payload), name).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    }
  });

  it('checks the sender before the payload in the Electron wiring, then applies the same payload checks', async () => {
    const handlers = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
    const spy = vi.fn(async () => ({ ok: true as const, data: {} }));
    registerIpcHandlers({ handle: (n: string, h: (event: unknown, payload: unknown) => Promise<unknown>) => handlers.set(n, h), removeHandler: () => undefined } as never, spy, services.logger);
    const frame = { url: 'app://renderer/index.html' };
    const hostile = JSON.parse('{"__proto__": {"x": 1}}') as unknown;
    for (const url of ['app://renderer:8080/index.html', 'data:text/html,<script>1</script>', 'javascript:alert(1)', 'app://renderer%2eevil/', 'chrome-extension://abc/index.html']) {
      const foreign = { url };
      expect(await handlers.get('settings:set')!({ senderFrame: foreign, sender: { mainFrame: foreign } }, hostile), url).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(spy).not.toHaveBeenCalled();
    // From our own frame the call reaches the dispatcher, which refuses the payload.
    const real = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
    registerIpcHandlers({ handle: (n: string, h: (event: unknown, payload: unknown) => Promise<unknown>) => real.set(n, h), removeHandler: () => undefined } as never, dispatch, services.logger);
    expect(await real.get('settings:set')!({ senderFrame: frame, sender: { mainFrame: frame } }, hostile)).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  });

  it('never calls a handler for a refused payload', async () => {
    const called: string[] = [];
    const handlers = new Proxy({} as Handlers, { get: (_t, name: string) => () => (called.push(name), {}) });
    const guarded = createDispatcher(handlers, services.logger);
    await guarded('settings:set', JSON.parse('{"__proto__": {}}'));
    await guarded('settings:set', { key: 'nope', value: 1 });
    await guarded('query:run', hubspotRun(nested(50)));
    await guarded('__proto__', {});
    expect(called).toEqual([]);
    await guarded('app:info', {});
    expect(called).toEqual(['app:info']);
  });
});
