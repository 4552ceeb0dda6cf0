import { describe, expect, it } from 'vitest';
import { TokenSession } from '../../main/connections/token-session';
import { AuthError } from '../../main/providers/errors';
import type { SessionSecrets } from '../../main/providers/definition';

function session(start: SessionSecrets, refresh?: (s: SessionSecrets) => Promise<SessionSecrets>, now = () => 1_000_000) {
  const saved: SessionSecrets[] = [];
  const dead: AuthError[] = [];
  const s = new TokenSession({ load: async () => start, refresh, save: async (x) => void saved.push(x), onDead: (e) => dead.push(e), now });
  return { s, saved, dead };
}

describe('TokenSession', () => {
  it('shares one refresh among concurrent renewals of the same token', async () => {
    let calls = 0;
    const { s, saved } = session({ accessToken: 'old', refreshToken: 'r' }, async (cur) => {
      calls++;
      await new Promise((r) => setTimeout(r, 20));
      return { ...cur, accessToken: 'new' };
    });
    const creds = await s.current();
    const renewed = await Promise.all(Array.from({ length: 20 }, () => s.renew(creds)));
    expect(calls).toBe(1);
    expect(new Set(renewed.map((c) => c.accessToken))).toEqual(new Set(['new']));
    expect(saved).toHaveLength(1);
    // A caller that failed with an already replaced token gets the new one without another refresh.
    expect((await s.renew({ accessToken: 'old' })).accessToken).toBe('new');
    expect(calls).toBe(1);
  });

  it('refreshes ahead of a known expiry', async () => {
    let calls = 0;
    const { s } = session({ accessToken: 'a', refreshToken: 'r', expiresAt: 1_000_000 + 30_000 }, async (cur) => (calls++, { ...cur, accessToken: 'b', expiresAt: 1_000_000 + 3_600_000 }));
    expect((await s.current()).accessToken).toBe('b');
    expect((await s.current()).accessToken).toBe('b');
    expect(calls).toBe(1);
  });

  it('marks the session dead when the refresh token is refused, and stays dead', async () => {
    let calls = 0;
    const { s, dead } = session({ accessToken: 'a', refreshToken: 'r' }, async () => {
      calls++;
      throw new AuthError('invalid_grant', { needsReconnect: true });
    });
    await expect(s.renew({ accessToken: 'a' })).rejects.toMatchObject({ needsReconnect: true });
    expect(dead).toHaveLength(1);
    await expect(s.current()).rejects.toBeInstanceOf(AuthError);
    expect(calls).toBe(1);
  });

  it('a refused static token (no refresh token) needs a reconnect', async () => {
    const { s, dead } = session({ accessToken: 'pat-na1-x' });
    const cause = new AuthError('HubSpot refused the token (INVALID_AUTHENTICATION): Authentication credentials not found.', { status: 401 });
    await expect(s.renew({ accessToken: 'pat-na1-x' }, cause)).rejects.toMatchObject({ needsReconnect: true });
    expect(dead[0].message).toMatch(/^HubSpot refused the token .*cannot be refreshed: reconnect/);
  });

  it('a transient refresh failure does not kill the session', async () => {
    let fail = true;
    const { s, dead } = session({ accessToken: 'a', refreshToken: 'r' }, async (cur) => {
      if (fail) throw new Error('network down');
      return { ...cur, accessToken: 'b' };
    });
    await expect(s.renew({ accessToken: 'a' })).rejects.toThrow('network down');
    fail = false;
    expect((await s.renew({ accessToken: 'a' })).accessToken).toBe('b');
    expect(dead).toHaveLength(0);
  });
});
