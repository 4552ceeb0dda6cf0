import { afterEach, describe, expect, it } from 'vitest';
import { startBling, type BlingHarness } from './test-kit';

let h: BlingHarness;
afterEach(() => h?.emu.close());

const faults = (url: string, body: unknown) => fetch(`${url}/__admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('rate limits', () => {
  it('answers TOO_MANY_REQUESTS (429, limit 3 per second) past the limit and recovers a second later', async () => {
    h = await startBling({ rateLimits: { perSecond: 3 } });
    for (let i = 0; i < 3; i++) expect((await h.call('GET', '/contatos')).status).toBe(200);
    const refused = await h.call('GET', '/contatos');
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ error: { type: 'TOO_MANY_REQUESTS', message: 'Limite de requisições atingido.', description: expect.any(String), limit: 3, period: 'second' } });
    h.clock.advance(1000);
    expect((await h.call('GET', '/contatos')).status).toBe(200);
    const stats = (await fetch(`${h.emu.url}/__admin/stats`).then((r) => r.json())) as { byStatus: Record<string, number> };
    expect(stats.byStatus).toEqual({ '200': 4, '429': 1 });
  });

  it('counts the day per account, across tokens, and starts again the next Brasília day', async () => {
    h = await startBling({ rateLimits: { perDay: 2 } });
    h.clock.t = Date.parse('2026-03-03T02:30:00Z'); // 23:30 on 2 March in Brasília
    expect((await h.call('GET', '/contatos')).status).toBe(200);
    expect((await h.call('GET', '/pedidos/vendas')).status).toBe(200);
    const refused = await h.call('GET', '/contatos');
    expect(refused.body.error).toMatchObject({ limit: 2, period: 'day' });
    h.clock.advance(30 * 60 * 1000);
    expect((await h.call('GET', '/contatos')).status).toBe(200);
  });

  it('answers forced 429 bursts and 5xx faults in Bling shape', async () => {
    h = await startBling();
    await faults(h.emu.url, { burst429: 1 });
    expect((await h.call('GET', '/contatos')).body.error).toMatchObject({ type: 'TOO_MANY_REQUESTS', period: 'second' });
    expect((await h.call('GET', '/contatos')).status).toBe(200);
    await faults(h.emu.url, { errorRate: 1 });
    const failed = await h.call('GET', '/contatos');
    expect([500, 503]).toContain(failed.status);
    expect(failed.body.error.type).toBe('SERVER_ERROR');
    const page = await h.raw('/Api/v3/oauth/authorize?response_type=code&client_id=a&state=s&redirect_uri=http%3A%2F%2F127.0.0.1%3A9%2Fcb');
    expect(page.status).toBe(200);
  });
});
