import { describe, expect, it } from 'vitest';
import { startEmulator } from '../index';

describe('Salesforce emulator startup', () => {
  it('starts and answers in well under a second once its modules are loaded', async () => {
    await (await startEmulator('salesforce')).close();
    const t0 = performance.now();
    const emu = await startEmulator('salesforce', { token: 't' });
    const res = await fetch(`${emu.url}/services/data/v60.0/sobjects`, { headers: { authorization: 'Bearer t' } });
    const elapsed = performance.now() - t0;
    await emu.close();
    expect(res.status).toBe(200);
    expect(elapsed).toBeLessThan(500);
  });
});
