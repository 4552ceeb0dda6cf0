import { afterEach, describe, expect, it } from 'vitest';
import { startGestaoClick, type GcHarness } from './test-kit';

let h: GcHarness;
afterEach(() => h?.emu.close());

const limited = { code: 429, status: 'error', data: { mensagem: 'O limite de requisicoes foi atingido' } };
const faults = (emuUrl: string, body: unknown) => fetch(`${emuUrl}/__admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('rate limits', () => {
  it('answers 429 with the documented message past the per-second limit, and recovers a second later', async () => {
    h = await startGestaoClick({ rateLimits: { perSecond: 3 } });
    for (let i = 0; i < 3; i++) expect((await h.call('GET', '/api/clientes')).status).toBe(200);
    const refused = await h.call('GET', '/api/clientes');
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual(limited);
    h.clock.advance(999);
    expect((await h.call('GET', '/api/clientes')).status).toBe(429);
    h.clock.advance(1);
    expect((await h.call('GET', '/api/clientes')).status).toBe(200);
    const stats = (await fetch(`${h.emu.url}/__admin/stats`).then((r) => r.json())) as { byStatus: Record<string, number> };
    expect(stats.byStatus).toEqual({ '200': 4, '429': 2 });
  });

  it('counts the day per company and starts again the next (Brasília) day', async () => {
    h = await startGestaoClick({ rateLimits: { perSecond: 100, perDay: 2 } });
    h.clock.t = Date.parse('2026-03-02T02:00:00Z'); // 23:00 on 1 March in Brasília
    expect((await h.call('GET', '/api/clientes')).status).toBe(200);
    expect((await h.call('GET', '/clientes')).status).toBe(200);
    h.clock.advance(30 * 60 * 1000);
    expect((await h.call('GET', '/api/vendas')).status).toBe(429);
    h.clock.advance(30 * 60 * 1000);
    expect((await h.call('GET', '/api/vendas')).status).toBe(200);
  });

  it('does not count requests refused for bad tokens', async () => {
    h = await startGestaoClick({ rateLimits: { perSecond: 1 } });
    expect((await h.raw('GET', '/api/clientes')).status).toBe(401);
    expect((await h.call('GET', '/api/clientes')).status).toBe(200);
  });

  it('answers forced 429 bursts and 5xx faults in the same envelope', async () => {
    h = await startGestaoClick();
    await faults(h.emu.url, { burst429: 1 });
    expect((await h.call('GET', '/api/clientes')).body).toEqual(limited);
    expect((await h.call('GET', '/api/clientes')).status).toBe(200);
    await faults(h.emu.url, { errorRate: 1 });
    const failed = await h.call('GET', '/api/clientes');
    expect([500, 503]).toContain(failed.status);
    expect(failed.body).toMatchObject({ code: failed.status, status: 'error' });
  });
});
