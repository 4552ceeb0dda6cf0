import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { redactDeep, redactText, registerSecret, REDACTED } from '../../main/log/redact';
import { createLogger } from '../../main/log/logger';

describe('redactText', () => {
  it('scrubs Authorization headers', () => {
    expect(redactText('Authorization: Bearer 00Dxx0000001gPL!AQ4AQFH.abcdefghijklmnop')).toBe(`Authorization: Bearer ${REDACTED}`);
    expect(redactText('authorization=Basic dXNlcjpwYXNzd29yZA==')).toContain(REDACTED);
  });

  it('scrubs tokens in query strings and form bodies but keeps the rest', () => {
    const out = redactText('POST /oauth/v1/token grant_type=refresh_token&refresh_token=abc123xyz&client_secret=s3cr3t&client_id=visible');
    expect(out).not.toContain('abc123xyz');
    expect(out).not.toContain('s3cr3t');
    expect(out).toContain('client_id=visible');
    expect(out).toContain('grant_type=refresh_token');
    expect(redactText('GET /api/v1/persons?api_token=deadbeef42&start=0')).toBe(`GET /api/v1/persons?api_token=${REDACTED}&start=0`);
  });

  it('scrubs JSON token fields in text', () => {
    const out = redactText('{"access_token":"tok-1234567","instance_url":"https://x.my.salesforce.com"}');
    expect(out).not.toContain('tok-1234567');
    expect(out).toContain('instance_url');
  });

  it('scrubs Salesforce session ids and HubSpot private-app tokens anywhere', () => {
    expect(redactText('sid 00D5g000004XyZ1!ARwAQK9q8wZ5xQ7yXabcdefghijkl end')).toBe(`sid ${REDACTED} end`);
    expect(redactText('token pat-na1-11111111-2222-3333-4444-555555555555')).not.toContain('pat-na1-1111');
  });

  it('scrubs registered secrets wherever they appear', () => {
    registerSecret('plain-looking-value-42');
    expect(redactText('weird place: plain-looking-value-42!')).toBe(`weird place: ${REDACTED}!`);
  });
});

describe('redactDeep', () => {
  it('replaces values of secret-named keys at any depth and keeps others', () => {
    const out = redactDeep({
      user: 'ada',
      tokens: { accessToken: 'a1', refresh_token: 'r1', clientSecret: 'c1' },
      headers: { Authorization: 'Bearer zzz', 'content-type': 'json' },
      list: [{ api_token: 'p1', id: 7 }],
    }) as {
      user: string;
      tokens: Record<string, string>;
      headers: Record<string, string>;
      list: Array<Record<string, unknown>>;
    };
    expect(out.user).toBe('ada');
    expect(out.tokens).toEqual({ accessToken: REDACTED, refresh_token: REDACTED, clientSecret: REDACTED });
    expect(out.headers.Authorization).toBe(REDACTED);
    expect(out.headers['content-type']).toBe('json');
    expect(out.list[0]).toEqual({ api_token: REDACTED, id: 7 });
  });

  it('handles errors and cycles', () => {
    const a: Record<string, unknown> = { name: 'loop' };
    a.self = a;
    expect((redactDeep(a) as Record<string, unknown>).self).toBe('[Circular]');
    const e = redactDeep(new Error('failed with access_token=xyz987')) as { message: string };
    expect(e.message).toBe(`failed with access_token=${REDACTED}`);
  });
});

describe('logger', () => {
  it('never writes a secret to the log file or to live listeners', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tcs-log-'));
    try {
      const logger = createLogger({ dir, console: false });
      const lines: string[] = [];
      logger.onLine((l) => lines.push(l.message));
      logger.info('token exchange', { body: 'code=abc&code_verifier=verif123456', response: { access_token: 'AT-SECRET-1', refresh_token: 'RT-SECRET-2' } });
      logger.error('call failed: Authorization: Bearer AT-SECRET-3');
      logger.debug('hidden unless debug');
      await new Promise((r) => setTimeout(r, 50));
      const file = readFileSync(logger.file!, 'utf8');
      for (const text of [file, lines.join('\n')]) {
        for (const secret of ['AT-SECRET-1', 'RT-SECRET-2', 'AT-SECRET-3', 'verif123456']) expect(text).not.toContain(secret);
        expect(text).toContain('token exchange');
      }
      expect(lines.some((l) => l.includes('hidden unless debug'))).toBe(false);
      logger.setDebug(true);
      logger.debug('shown in debug');
      expect(lines.some((l) => l.includes('shown in debug'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
