import { afterEach, describe, expect, it } from 'vitest';
import { call, startSalesforce, type SfTestEmulator } from './testkit';

let emu: SfTestEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

describe('Salesforce API limits', () => {
  it('puts Sforce-Limit-Info: api-usage=N/M on every REST answer, counting each call', async () => {
    emu = await startSalesforce();
    const a = await call(emu, 'GET', '/sobjects');
    const b = await call(emu, 'GET', '/sobjects/Contact/describe');
    const c = await call(emu, 'GET', '/sobjects/Contact/003000000000000AAA');
    expect(a.headers.get('sforce-limit-info')).toBe('api-usage=1/15000');
    expect(b.headers.get('sforce-limit-info')).toBe('api-usage=2/15000');
    expect(c.status).toBe(404);
    expect(c.headers.get('sforce-limit-info')).toBe('api-usage=3/15000');
    const versions = await fetch(`${emu.url}/services/data`);
    expect(versions.headers.get('sforce-limit-info')).toBeNull();
  });

  it('reports DailyApiRequests in /limits', async () => {
    emu = await startSalesforce({ seed: { limits: { dailyApiRequests: 500, apiRequestsUsed: 100 } } });
    const res = await call(emu, 'GET', '/limits');
    expect(res.body.DailyApiRequests).toEqual({ Max: 500, Remaining: 399 });
    expect(res.body.DataStorageMB.Max).toBeGreaterThan(0);
  });

  it('answers 403 REQUEST_LIMIT_EXCEEDED once the daily limit is used up', async () => {
    emu = await startSalesforce({ seed: { limits: { dailyApiRequests: 3 } } });
    for (let i = 1; i <= 3; i++) expect((await call(emu, 'GET', '/limits')).status).toBe(200);
    const over = await call(emu, 'GET', '/sobjects');
    expect(over.status).toBe(403);
    expect(over.body).toEqual([{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }]);
    expect(over.headers.get('sforce-limit-info')).toBe('api-usage=3/3');
    await fetch(`${emu.url}/__admin/limits`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ max: 10 }) });
    expect((await call(emu, 'GET', '/sobjects')).status).toBe(200);
  });

  it('answers the 429 burst knob with Retry-After and a Salesforce error body, sparing the consent page', async () => {
    emu = await startSalesforce({ faults: { burst429: 2 } });
    const consent = await fetch(`${emu.url}/services/oauth2/authorize?response_type=code&client_id=3MVG9EmulatorTicketCrmSyncConsumerKey&redirect_uri=${encodeURIComponent('http://127.0.0.1:1/cb')}`);
    expect(consent.status).toBe(200);
    const first = await call(emu, 'GET', '/limits');
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('1');
    expect(first.body[0].errorCode).toBe('REQUEST_LIMIT_EXCEEDED');
    expect(typeof first.body[0].message).toBe('string');
    expect((await call(emu, 'GET', '/limits')).status).toBe(429);
    expect((await call(emu, 'GET', '/limits')).status).toBe(200);
  });

  it('answers the error-rate knob with 500/503 in Salesforce shape', async () => {
    emu = await startSalesforce({ faults: { errorRate: 1 } });
    const seen = new Set<number>();
    for (let i = 0; i < 12; i++) {
      const res = await call(emu, 'GET', '/limits');
      seen.add(res.status);
      expect(Array.isArray(res.body) && typeof res.body[0].errorCode).toBe('string');
    }
    expect([...seen].sort()).toEqual([500, 503]);
  });
});
