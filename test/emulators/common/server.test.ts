import { afterEach, describe, expect, it } from 'vitest';
import { Router, json } from './http';
import { serveEmulator, type EmulatorBackend, type RunningEmulator, type StartOptions } from './server';

/** A minimal vendor backend, so these tests exercise the kit alone. */
function fakeBackend() {
  const calls = { reset: 0, expire: 0 };
  let rows: unknown[] = [{ id: 1 }];
  const backend: EmulatorBackend = {
    router: new Router()
      .on('GET', '/api/things', () => json(200, { things: rows }))
      .on('POST', '/api/things', (req) => json(201, { got: req.body }))
      .on('GET', '/consent', () => json(200, { page: true })),
    records: (name) => (name === 'Thing' ? rows : undefined),
    reset: () => {
      calls.reset++;
      rows = [];
    },
    expireTokens: () => {
      calls.expire++;
    },
    rateLimitedReply: () => json(429, { vendor: 'slow down' }, { 'retry-after': '1' }),
    serverErrorReply: (_req, status) => json(status, { vendor: 'oops', status }),
    isFaultExempt: (path) => path === '/consent',
  };
  return { backend, calls };
}

let emu: RunningEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

async function start(opts: StartOptions = {}) {
  const fake = fakeBackend();
  emu = await serveEmulator(fake.backend, opts);
  return fake;
}

const get = (path: string) => fetch(emu!.url + path);
const post = (path: string, body?: unknown) =>
  fetch(emu!.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
const setFaults = async (body: unknown) => {
  const res = await post('/__admin/faults', body);
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
};
const statsOf = async () => (await (await get('/__admin/stats')).json()) as { requests: number; byStatus: Record<string, number>; byPath: Record<string, number> };

describe('serveEmulator', () => {
  it('binds 127.0.0.1 on a free port and routes to the backend', async () => {
    await start();
    expect(emu!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(emu!.port).toBeGreaterThan(0);
    expect(await (await get('/api/things')).json()).toEqual({ things: [{ id: 1 }] });
    expect(await (await post('/api/things', { a: 1 })).json()).toEqual({ got: { a: 1 } });
    expect((await get('/nope')).status).toBe(404);
    expect((await fetch(emu!.url + '/api/things', { method: 'DELETE' })).status).toBe(405);
  });

  it('serves /__admin/records/{object}, 404 for an unknown object', async () => {
    await start();
    expect(await (await get('/__admin/records/Thing')).json()).toEqual([{ id: 1 }]);
    expect((await get('/__admin/records/Nope')).status).toBe(404);
  });

  it('counts API requests (not admin ones) in /__admin/stats, and /__admin/reset empties store and stats', async () => {
    const { calls } = await start();
    await get('/api/things');
    await get('/api/things');
    await get('/nope');
    await get('/__admin/records/Thing');
    const stats = await statsOf();
    expect(stats).toEqual({ requests: 3, byStatus: { '200': 2, '404': 1 }, byPath: { '/api/things': 2, '/nope': 1 } });
    expect((await post('/__admin/reset')).status).toBe(200);
    expect(calls.reset).toBe(1);
    expect(await (await get('/__admin/records/Thing')).json()).toEqual([]);
    expect(await (await get('/__admin/stats')).json()).toEqual({ requests: 0, byStatus: {}, byPath: {} });
  });

  it('adds latency set at run time, and changing one knob keeps the others', async () => {
    await start({ faults: { errorRate: 0 } });
    await setFaults({ burst429: 5 });
    const after = await setFaults({ latencyMs: 150 });
    expect(after).toMatchObject({ latencyMs: 150, burst429: 5 });
    await setFaults({ burst429: 0 });
    const t0 = performance.now();
    await get('/api/things');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
    expect(await (await get('/__admin/faults')).json()).toMatchObject({ latencyMs: 150 });
  });

  it('answers errorRate with the backend 500/503 reply, but never on fault-exempt paths', async () => {
    await start({ randomSeed: 3 });
    await setFaults({ errorRate: 1 });
    const statuses = new Set<number>();
    for (let i = 0; i < 20; i++) {
      const res = await get('/api/things');
      const body = await res.json();
      expect(body).toMatchObject({ vendor: 'oops', status: res.status });
      statuses.add(res.status);
    }
    expect([...statuses].sort()).toEqual([500, 503]);
    expect((await get('/consent')).status).toBe(200);
    await setFaults({ errorRate: 0 });
    expect((await get('/api/things')).status).toBe(200);
  });

  it('answers the next burst429 requests with the backend 429, then recovers', async () => {
    await start();
    await setFaults({ burst429: 2 });
    const first = await get('/api/things');
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('1');
    expect(await first.json()).toEqual({ vendor: 'slow down' });
    expect((await get('/api/things')).status).toBe(429);
    expect((await get('/api/things')).status).toBe(200);
    expect(await (await get('/__admin/faults')).json()).toMatchObject({ burst429: 0 });
    expect((await statsOf()).byStatus).toEqual({ '429': 2, '200': 1 });
  });

  it('destroys connections at resetRate, recorded as status 0', async () => {
    await start();
    await setFaults({ resetRate: 1 });
    await expect(get('/api/things')).rejects.toThrow();
    await setFaults({ resetRate: 0 });
    expect((await get('/api/things')).status).toBe(200);
    expect((await statsOf()).byStatus).toEqual({ '0': 1, '200': 1 });
  });

  it('expires tokens on expireTokensNow without keeping the flag set', async () => {
    const { calls } = await start();
    const after = await setFaults({ expireTokensNow: true });
    expect(calls.expire).toBe(1);
    expect(after.expireTokensNow).toBe(false);
    await setFaults({ latencyMs: 0 });
    expect(calls.expire).toBe(1);
  });

  it('rejects invalid or unknown fault knobs with 400 and keeps the old values', async () => {
    await start({ faults: { latencyMs: 5 } });
    expect((await post('/__admin/faults', { errorRate: 2 })).status).toBe(400);
    expect((await post('/__admin/faults', { latency: 10 })).status).toBe(400);
    expect(await (await get('/__admin/faults')).json()).toMatchObject({ latencyMs: 5, errorRate: 0 });
  });

  it('takes faults at start', async () => {
    await start({ faults: { burst429: 1 } });
    expect((await get('/api/things')).status).toBe(429);
    expect((await get('/api/things')).status).toBe(200);
  });
});
