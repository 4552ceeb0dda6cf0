import { afterEach, describe, expect, it } from 'vitest';
import { startHub, oauthTokens, type TestHub } from './test-helpers';

let hub: TestHub;
afterEach(async () => hub?.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('rolling ten-second limit (shrunk for tests)', () => {
  it('counts down in headers, answers 429 TEN_SECONDLY_ROLLING past the limit and recovers when the window rolls', async () => {
    hub = await startHub({ rateLimits: { max: 3, intervalMs: 300 } });
    const remaining: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await hub.call('GET', '/crm/v3/objects/contacts');
      expect(res.status).toBe(200);
      expect(res.headers.get('x-hubspot-ratelimit-max')).toBe('3');
      expect(res.headers.get('x-hubspot-ratelimit-interval-milliseconds')).toBe('300');
      remaining.push(res.headers.get('x-hubspot-ratelimit-remaining')!);
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const limited = await hub.call('GET', '/crm/v3/objects/contacts');
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ status: 'error', errorType: 'RATE_LIMIT', policyName: 'TEN_SECONDLY_ROLLING' });
    expect(typeof limited.body.correlationId).toBe('string');
    expect(limited.headers.get('x-hubspot-ratelimit-remaining')).toBe('0');
    await sleep(350);
    const again = await hub.call('GET', '/crm/v3/objects/contacts');
    expect(again.status).toBe(200);
    expect(again.headers.get('x-hubspot-ratelimit-remaining')).toBe('2');
  });

  it('keeps one bucket per OAuth app per account, apart from the private app', async () => {
    hub = await startHub({ rateLimits: { max: 2, intervalMs: 10_000 } });
    const a = await oauthTokens(hub);
    const b = await oauthTokens(hub);
    const asA = { authorization: `Bearer ${a.access_token}` };
    const asB = { authorization: `Bearer ${b.access_token}` };
    expect((await hub.call('GET', '/crm/v3/objects/contacts', undefined, asA)).status).toBe(200);
    expect((await hub.call('GET', '/crm/v3/objects/contacts', undefined, asB)).status).toBe(200);
    // Both tokens belong to the same app and account, so they share its window.
    expect((await hub.call('GET', '/crm/v3/objects/contacts', undefined, asA)).status).toBe(429);
    expect((await hub.call('GET', '/crm/v3/objects/contacts')).status).toBe(200);
  });

  it('does not count requests refused for authentication', async () => {
    hub = await startHub({ rateLimits: { max: 1, intervalMs: 10_000 } });
    expect((await hub.call('GET', '/crm/v3/objects/contacts', undefined, { authorization: 'Bearer nope' })).status).toBe(401);
    expect((await hub.call('GET', '/crm/v3/objects/contacts')).status).toBe(200);
  });
});

describe('daily limit and headers by token kind', () => {
  it('gives OAuth apps no daily headers and private apps both daily headers', async () => {
    hub = await startHub();
    const t = await oauthTokens(hub);
    const oauth = await hub.call('GET', '/crm/v3/objects/contacts', undefined, { authorization: `Bearer ${t.access_token}` });
    expect(oauth.headers.get('x-hubspot-ratelimit-max')).toBe('100');
    expect(oauth.headers.get('x-hubspot-ratelimit-daily')).toBeNull();
    expect(oauth.headers.get('x-hubspot-ratelimit-daily-remaining')).toBeNull();
    const priv = await hub.call('GET', '/crm/v3/objects/contacts');
    expect(priv.headers.get('x-hubspot-ratelimit-daily')).toBe('500000');
    expect(priv.headers.get('x-hubspot-ratelimit-daily-remaining')).toBe('499999');
  });

  it('answers 429 DAILY once a private app used its day', async () => {
    hub = await startHub({ rateLimits: { dailyMax: 2 } });
    expect((await hub.call('GET', '/crm/v3/objects/contacts')).status).toBe(200);
    expect((await hub.call('GET', '/crm/v3/objects/contacts')).headers.get('x-hubspot-ratelimit-daily-remaining')).toBe('0');
    const res = await hub.call('GET', '/crm/v3/objects/contacts');
    expect(res.status).toBe(429);
    expect(res.body).toMatchObject({ policyName: 'DAILY', errorType: 'RATE_LIMIT', message: 'You have reached your daily limit.' });
  });
});

describe('fault replies', () => {
  it('burst429 answers HubSpot 429 bodies (secondly wording on search) and errorRate HubSpot 5xx bodies', async () => {
    hub = await startHub();
    const set = (faults: unknown) => fetch(`${hub.url}/__admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(faults) });
    await set({ burst429: 2 });
    const general = await hub.call('GET', '/crm/v3/objects/contacts');
    expect(general.status).toBe(429);
    expect(general.body).toMatchObject({ errorType: 'RATE_LIMIT', policyName: 'TEN_SECONDLY_ROLLING' });
    const searchReply = await hub.call('POST', '/crm/v3/objects/contacts/search', {});
    expect(searchReply.body.message).toBe('You have reached your secondly limit.');
    expect((await hub.call('GET', '/crm/v3/objects/contacts')).status).toBe(200);
    await set({ errorRate: 1 });
    const err = await hub.call('GET', '/crm/v3/objects/contacts');
    expect([500, 503]).toContain(err.status);
    expect(err.body).toMatchObject({ status: 'error' });
    expect(typeof err.body.correlationId).toBe('string');
    expect(['INTERNAL_ERROR', 'SERVICE_UNAVAILABLE']).toContain(err.body.category);
    const page = await fetch(`${hub.url}/oauth/authorize?client_id=hubspot-emulator-client-id&redirect_uri=http://127.0.0.1:1/cb&scope=oauth`);
    expect(page.status).toBe(200);
  });
});
