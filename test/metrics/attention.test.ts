import { describe, it, expect, afterEach } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attentionItems, type MappingProblem } from '../../main/metrics';
import { DashboardAttention } from '../../shared/ipc/channels/dashboard';
import { createAppServices } from '../../main/services/app-services';
import { createHandlers } from '../../main/ipc/handlers';
import { createDispatcher } from '../../main/ipc/dispatcher';
import { MemorySecretStore } from '../../main/auth/secret-store';
import { addConnection, addQueueItems, addRun, memoryDb } from './helpers';

const NOW = Date.parse('2026-11-25T12:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

function seeded() {
  const db = memoryDb();
  addConnection(db, 'salesforce', { provider: 'salesforce', label: 'Acme Salesforce' });
  addConnection(db, 'hubspot', { label: 'Acme HubSpot' });
  addConnection(db, 'hubspot-2', { label: 'Old HubSpot', status: 'needs_reconnect', lastError: 'The refresh token was revoked.' });
  // Salesforce: the last push failed (an older one was fine); the last pull was partial.
  addRun(db, { connectionId: 'salesforce', kind: 'push', startedAt: iso(NOW - 5 * 3_600_000), created: 3 });
  addRun(db, { connectionId: 'salesforce', kind: 'push', status: 'failed', startedAt: iso(NOW - 3_600_000), message: 'Salesforce said: REQUEST_LIMIT_EXCEEDED' });
  addRun(db, { connectionId: 'salesforce', kind: 'pull', status: 'partial', startedAt: iso(NOW - 1_800_000), updated: 4, failed: 2, message: '2 records could not be read' });
  // HubSpot: a failed push followed by a good one: nothing to say.
  addRun(db, { connectionId: 'hubspot', kind: 'push', status: 'failed', startedAt: iso(NOW - 7_200_000) });
  addRun(db, { connectionId: 'hubspot', kind: 'push', startedAt: iso(NOW - 3_600_000), created: 9 });
  // The connection to reconnect failed too: reported once, as the reconnect.
  addRun(db, { connectionId: 'hubspot-2', kind: 'push', status: 'failed', startedAt: iso(NOW - 3_600_000) });
  // Dead letters: two causes on HubSpot, one on Salesforce; retried (pending) items do not count.
  addQueueItems(db, 'hubspot', 'dead', 5, { object: 'contacts', errorCode: 'INVALID_EMAIL', errorField: 'email', lastError: 'Email is not valid' });
  addQueueItems(db, 'hubspot', 'dead', 2, { object: 'deals', errorCode: 'MISSING_ASSOCIATION', lastError: 'No contact to associate' });
  addQueueItems(db, 'salesforce', 'dead', 1, { object: 'Contact', errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', errorField: 'Phone' });
  addQueueItems(db, 'salesforce', 'pending', 10);
  return db;
}

const problems: Record<string, MappingProblem[]> = {
  salesforce: [
    { object: 'Contact', label: 'Contact', errors: ['LastName is required and nothing fills it.', 'Email maps to a read-only field.'] },
    { object: 'Account', label: 'Account', errors: [] },
  ],
  hubspot: [],
};

describe('attention items', () => {
  it('lists reconnects, failed last runs, mapping errors and dead letters by cause, each with its fix', async () => {
    const db = seeded();
    const asked: string[] = [];
    const res = await attentionItems({ db, now: () => NOW, mappingProblems: async (id) => (asked.push(id), problems[id] ?? []) });
    expect(() => DashboardAttention.parse(res)).not.toThrow();
    // Only connected CRMs are asked about their mappings.
    expect(asked.sort()).toEqual(['hubspot', 'salesforce']);
    expect(res.items.map((i) => i.id)).toEqual([
      'reconnect:hubspot-2',
      'run:salesforce:push',
      'mapping:salesforce:Contact',
      'dead:hubspot:contacts:INVALID_EMAIL:email',
      'dead:hubspot:deals:MISSING_ASSOCIATION:',
      'dead:salesforce:Contact:FIELD_CUSTOM_VALIDATION_EXCEPTION:Phone',
      'run:salesforce:pull',
    ]);
    const byId = new Map(res.items.map((i) => [i.id, i]));
    expect(byId.get('reconnect:hubspot-2')).toMatchObject({
      severity: 'error', title: 'Old HubSpot needs to be reconnected', detail: 'The refresh token was revoked.', action: { kind: 'reconnect', connectionId: 'hubspot-2', provider: 'hubspot' },
    });
    expect(byId.get('run:salesforce:push')).toMatchObject({ title: 'The last push failed', detail: 'Salesforce said: REQUEST_LIMIT_EXCEEDED', action: { kind: 'run', connectionId: 'salesforce', runKind: 'push' } });
    expect(byId.get('run:salesforce:pull')).toMatchObject({ severity: 'warning', title: 'The last pull finished with 2 failures', count: 2 });
    expect(byId.get('mapping:salesforce:Contact')).toMatchObject({
      title: 'The Contact mapping has 2 errors', count: 2, detail: 'LastName is required and nothing fills it. Email maps to a read-only field.', action: { kind: 'mapping', connectionId: 'salesforce', object: 'Contact' },
    });
    expect(byId.get('dead:hubspot:contacts:INVALID_EMAIL:email')).toMatchObject({
      title: '5 records in contacts failed for good: INVALID_EMAIL on email', detail: 'Email is not valid', count: 5, connectionLabel: 'Acme HubSpot',
      action: { kind: 'dead-letters', connectionId: 'hubspot', object: 'contacts', errorCode: 'INVALID_EMAIL', errorField: 'email' },
    });
    expect(byId.get('dead:hubspot:deals:MISSING_ASSOCIATION:')?.action).toEqual({ kind: 'dead-letters', connectionId: 'hubspot', object: 'deals', errorCode: 'MISSING_ASSOCIATION', errorField: null });
    expect(res.unchecked).toEqual([]);
    expect(res.checkedAt).toBe(iso(NOW));
  });

  it('reports a CRM that cannot be asked, or does not answer in time, as unchecked and still lists the rest', async () => {
    const db = seeded();
    const res = await attentionItems({
      db,
      timeoutMs: 50,
      mappingProblems: (id) => (id === 'salesforce' ? Promise.reject(new Error('connect ECONNREFUSED')) : new Promise<MappingProblem[]>(() => undefined)),
    });
    expect(res.unchecked.sort((a, b) => a.connectionId.localeCompare(b.connectionId))).toEqual([
      { connectionId: 'hubspot', reason: 'no answer within 0 s' },
      { connectionId: 'salesforce', reason: 'connect ECONNREFUSED' },
    ]);
    expect(res.items.some((i) => i.kind === 'mapping-errors')).toBe(false);
    expect(res.items.filter((i) => i.kind === 'dead-letters')).toHaveLength(3);
  });

  it('has nothing to say about a healthy store', async () => {
    const db = memoryDb();
    addConnection(db, 'hubspot');
    addRun(db, { connectionId: 'hubspot', startedAt: iso(NOW), created: 1 });
    expect((await attentionItems({ db, mappingProblems: async () => [] })).items).toEqual([]);
  });
});

describe('dashboard channels', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('answer valid calls with data matching the contract and refuse hostile payloads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tcs-dash-ipc-'));
    dirs.push(dir);
    const services = createAppServices({ dataDir: dir, shell: 'test', logToConsole: false, secretStore: new MemorySecretStore() });
    try {
      const dispatch = createDispatcher(createHandlers(services), services.logger, { checkResponses: true });
      addConnection(services.db, 'hubspot', { label: 'Acme HubSpot' });
      addRun(services.db, { connectionId: 'hubspot', startedAt: iso(Date.now()), created: 4 });
      const ok = await dispatch('dashboard:overview', { range: 7, timeZone: 'Europe/Berlin' });
      expect(ok.ok).toBe(true);
      if (ok.ok) expect((ok.data as { connections: Array<{ totals: { synced: number } }> }).connections[0].totals.synced).toBe(4);
      const defaults = await dispatch('dashboard:overview', {});
      expect(defaults.ok && (defaults.data as { range: number; days: string[] }).days.length).toBe(30);
      for (const bad of [{ range: 8 }, { range: '30' }, { range: 1e9 }, { timeZone: 'Mars/Olympus_Mons' }, { timeZone: 'x'.repeat(500) }, { timeZone: 42 }, { range: 7, extra: 1 }, [7]]) {
        const res = await dispatch('dashboard:overview', bad);
        expect(res.ok, JSON.stringify(bad)).toBe(false);
      }
      addQueueItems(services.db, 'hubspot', 'dead', 3, { object: 'contacts', lastError: 'Property values were not valid' });
      const attention = await dispatch('dashboard:attention', {});
      expect(attention.ok).toBe(true);
      if (attention.ok) expect((attention.data as { items: Array<{ id: string; count: number }> }).items.map((i) => [i.id, i.count])).toEqual([['dead:hubspot:contacts::', 3]]);
      expect((await dispatch('dashboard:attention', { all: true })).ok).toBe(false);
    } finally {
      await services.close();
    }
  });
});
