import { afterEach, describe, expect, it } from 'vitest';
import { startPipedrive, type PdHarness } from './test-kit';

let h: PdHarness;
afterEach(() => h?.emu.close());

const small = { apiToken: { limit: 3, windowSeconds: 2 }, search: { limit: 2, windowSeconds: 2 } };

describe('rate limits', () => {
  it('sends x-ratelimit headers on every answer and 429 past the limit, in Pipedrive shape', async () => {
    h = await startPipedrive({ rateLimits: small });
    const remaining: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await h.call('GET', '/api/v1/persons');
      expect(res.status).toBe(200);
      expect(res.headers.get('x-ratelimit-limit')).toBe('3');
      expect(Number(res.headers.get('x-ratelimit-reset'))).toBeGreaterThan(0);
      remaining.push(res.headers.get('x-ratelimit-remaining')!);
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const limited = await h.call('GET', '/api/v1/persons');
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ success: false, error: 'Request over limit', errorCode: 429, error_info: 'Please check developers.pipedrive.com' });
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const stats = (await fetch(`${h.emu.url}/__admin/stats`).then((r) => r.json())) as { byStatus: Record<string, number> };
    expect(stats.byStatus).toMatchObject({ '200': 3, '429': 1 });
  });

  it('refills the bucket over the window', async () => {
    h = await startPipedrive({ rateLimits: small });
    for (let i = 0; i < 3; i++) await h.call('GET', '/api/v1/persons');
    expect((await h.call('GET', '/api/v1/persons')).status).toBe(429);
    h.clock.advance(700);
    expect((await h.call('GET', '/api/v1/persons')).status).toBe(200);
    expect((await h.call('GET', '/api/v1/persons')).status).toBe(429);
    h.clock.advance(2000);
    const full = await h.call('GET', '/api/v1/persons');
    expect(full.headers.get('x-ratelimit-remaining')).toBe('2');
  });

  it('limits search endpoints with their own lower bucket, on top of the general one', async () => {
    h = await startPipedrive({ rateLimits: small });
    const search = () => h.call('GET', '/api/v1/persons/search?term=ada');
    expect((await search()).status).toBe(200);
    const second = await search();
    expect(second.headers.get('x-ratelimit-limit')).toBe('2');
    expect(second.headers.get('x-ratelimit-remaining')).toBe('0');
    expect((await search()).status).toBe(429);
    expect((await h.call('GET', '/api/v1/users/me')).status).toBe(429);
    h.clock.advance(1000);
    expect((await h.call('GET', '/api/v1/users/me')).status).toBe(200);
  });

  it('reports x-daily-requests-left on api_token writes', async () => {
    h = await startPipedrive();
    const res = await h.call('POST', '/api/v1/persons', { name: 'Ada' });
    expect(res.headers.get('x-daily-requests-left')).toBe('9999');
    expect((await h.call('GET', '/api/v1/persons')).headers.get('x-daily-requests-left')).toBeNull();
  });

  it('answers forced 429 bursts and 5xx faults in Pipedrive shape', async () => {
    h = await startPipedrive();
    await fetch(`${h.emu.url}/__admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ burst429: 1 }) });
    const limited = await h.call('GET', '/api/v1/persons');
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ success: false, errorCode: 429 });
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    await fetch(`${h.emu.url}/__admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ errorRate: 1 }) });
    const failed = await h.call('GET', '/api/v1/persons');
    expect([500, 503]).toContain(failed.status);
    expect(failed.body).toMatchObject({ success: false, errorCode: failed.status });
  });
});
