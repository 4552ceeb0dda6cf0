import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MockAgent } from 'undici';
import { createAppServices, type AppServices } from '../../main/services/app-services';
import { MemorySecretStore } from '../../main/auth/secret-store';
import { createLogger } from '../../main/log/logger';
import { registerSecret } from '../../main/log/redact';
import { appendAudit } from '../../main/store/audit-log';
import { createHandlers } from '../../main/ipc/handlers';
import { createDispatcher } from '../../main/ipc/dispatcher';
import { ApiClient } from '../../main/providers/http';
import { formatExchange, setHttpTraceSink } from '../../main/providers/http-trace';
import { FatalError } from '../../main/providers/errors';

const CRASH = join(import.meta.dirname, 'fixtures', 'crash.ts');
const CLI = join(import.meta.dirname, '..', '..', 'main', 'cli', 'main.ts');
const SECRETS = ['kc-secret-value-0123456789', 'eyJhbGciOiJIUzI1NiJ9.payload.sig', 'abc123def'];

describe('crash output', () => {
  for (const how of ['throw', 'reject']) {
    it(`prints a redacted stack for an ${how === 'throw' ? 'uncaught exception' : 'unhandled rejection'} and exits 1`, () => {
      const r = spawnSync(process.execPath, ['--import', 'tsx', CRASH, how], { encoding: 'utf8', timeout: 30_000 });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('Ticket CRM Sync stopped on an unexpected error');
      expect(r.stderr).toMatch(/refresh failed for \[REDACTED\] with Authorization: Bearer \[REDACTED\]/);
      expect(r.stderr).toMatch(/\n\s+at /); // still a stack someone can debug
      for (const s of SECRETS) expect(r.stderr + r.stdout).not.toContain(s);
    });
  }

  it('the CLI prints a command error without the secret it carried', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tcs-cli-secret-'));
    try {
      const path = join(dir, 'access_token=zzsecret987654.sqlite');
      const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, '--data-dir', join(dir, 'data'), '--debug', 'restore', path, '--yes'], { encoding: 'utf8', timeout: 30_000 });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('access_token=[REDACTED]');
      expect(r.stderr).not.toContain('zzsecret987654');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('log viewer, audit log and debug traces', () => {
  let dir: string;
  let services: AppServices;
  const lines: string[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tcs-nosecret-'));
    const logger = createLogger({ dir, console: false, debug: true });
    logger.onLine((l) => lines.push(l.message));
    services = createAppServices({ dataDir: dir, shell: 'test', logger, secretStore: new MemorySecretStore() });
  });
  afterAll(async () => {
    await services.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the audit log viewer shows entries redacted, whoever wrote them', async () => {
    appendAudit(services.db, { kind: 'connection', action: 'connect', outcome: 'error', summary: 'token call failed: Authorization: Bearer SUMMARYSECRET123', detail: { response: { access_token: 'DETAILSECRET1', note: 'x' }, url: 'https://cb.example/?code=CODESECRET42' } });
    // A row written straight into the store (an older version, another tool) is scrubbed on the way out.
    registerSecret('raw-row-secret-998877');
    services.db.prepare("INSERT INTO audit_log (at, kind, action, outcome, summary, detail) VALUES ('2026-01-01', 'sync', 'push', 'error', 'failed with raw-row-secret-998877', ?)").run(JSON.stringify({ refresh_token: 'RAWDETAIL-555' }));
    const dispatch = createDispatcher(createHandlers(services), services.logger, { checkResponses: true });
    const res = await dispatch('log:audit', { limit: 10 });
    if (!res.ok) throw new Error(res.error.message);
    const text = JSON.stringify(res.data);
    for (const s of ['SUMMARYSECRET123', 'DETAILSECRET1', 'CODESECRET42', 'raw-row-secret-998877', 'RAWDETAIL-555']) expect(text).not.toContain(s);
    expect(text).toContain('token call failed');
    const stored = services.db.prepare("SELECT summary FROM audit_log WHERE action = 'connect'").get() as { summary: string };
    expect(stored.summary).not.toContain('SUMMARYSECRET123');
  });

  it('debug mode traces provider requests and responses into the log, redacted', async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    agent
      .get('https://crm.example')
      .intercept({ path: (p) => p.startsWith('/v1/persons'), method: 'POST' })
      .reply(200, { data: { id: 7, name: 'Ada' }, access_token: 'RESPONSE-TOKEN-1', refresh_token: 'RESPONSE-TOKEN-2' }, { headers: { 'content-type': 'application/json', 'set-cookie': 'sid=COOKIESECRET1; HttpOnly' } });
    const client = new ApiClient({
      baseUrl: 'https://crm.example',
      auth: { current: async () => ({ accessToken: 'BEARER-SECRET-XYZ', scheme: 'bearer' }), renew: async (c) => c },
      applyAuth: (creds, url, headers) => {
        headers.authorization = `Bearer ${creds.accessToken}`;
        url.searchParams.set('api_token', 'QUERY-SECRET-77');
      },
      mapError: (r) => new FatalError(`status ${r.status}`),
      dispatcher: agent,
    });
    lines.length = 0;
    await client.request({ method: 'POST', path: '/v1/persons', json: { name: 'Ada', password: 'BODY-SECRET-1', client_secret: 'BODY-SECRET-2' } });
    await new Promise((r) => setTimeout(r, 20));
    const trace = lines.filter((l) => l.startsWith('HTTP'));
    expect(trace.join('\n')).toMatch(/^HTTP → POST https:\/\/crm\.example\/v1\/persons\?api_token=\[REDACTED\]/);
    expect(trace.join('\n')).toMatch(/HTTP ← 200 in \d+ ms/);
    expect(trace.join('\n')).toContain('"name":"Ada"');
    const all = `${lines.join('\n')}\n${readFileSync(join(dir, 'logs', 'main.log'), 'utf8')}`;
    for (const s of ['BEARER-SECRET-XYZ', 'QUERY-SECRET-77', 'BODY-SECRET-1', 'BODY-SECRET-2', 'RESPONSE-TOKEN-1', 'RESPONSE-TOKEN-2', 'COOKIESECRET1']) expect(all).not.toContain(s);

    // Without debug mode nothing is traced (and nothing is formatted).
    services.logger.setDebug(false);
    lines.length = 0;
    agent.get('https://crm.example').intercept({ path: (p) => p.startsWith('/v1/persons'), method: 'GET' }).reply(200, {});
    await client.request({ method: 'GET', path: '/v1/persons' });
    expect(lines.filter((l) => l.startsWith('HTTP'))).toEqual([]);
    services.logger.setDebug(true);
    await client.close();
    await agent.close();
  });

  it('traces a failed exchange without its secrets, and a detached sink sees nothing', () => {
    const text = formatExchange({ method: 'GET', url: new URL('https://x.example/a?access_token=AAA111222'), requestHeaders: { Authorization: 'Bearer zzz999888777', 'x-api-key': 'KEYKEYKEY1' }, ms: 5, error: 'socket hang up near access_token=AAA111222' });
    expect(text).toContain('failed after 5 ms');
    for (const s of ['AAA111222', 'zzz999888777', 'KEYKEYKEY1']) expect(text).not.toContain(s);
    const seen: string[] = [];
    const detach = setHttpTraceSink({ enabled: () => true, write: (l) => seen.push(l) });
    detach();
    expect(seen).toEqual([]);
  });
});
