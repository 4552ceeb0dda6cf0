import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowIso } from '../../main/store/db';
import { saveMapping } from '../../main/store/mappings';
import { defaultMappingFor } from '../../main/sync/mapping/defaults';
import type { Provider, WriteResult } from '../../main/providers/provider';
import { adminRecords, adminStats, buyers, liveRecords, startHarness, type Harness } from './helpers';

/**
 * Salesforce: a dry run counts creates, updates, skips and invalid records per object with the
 * exact payloads and sends no write; then the push does what it said. Records the CRM refuses
 * become dead letters with the field and the CRM's own message, without failing their batch;
 * fixing the record or retrying moves them out.
 */
describe('salesforce: dry run, dead letters, retry and cancel', () => {
  let h: Harness;
  const rows = buyers(10, { companyEvery: 4, prefix: 'dry' });
  rows[5] = { ...rows[5], first: 'F'.repeat(45) };

  beforeAll(async () => {
    h = await startHarness('salesforce');
    await h.importRows(rows);
    // Two buyers exist in Salesforce already, made by someone else (no external id): found by email.
    const provider = await h.provider();
    const made = await provider.write('Contact', 'create', [
      { fields: { LastName: 'Existing', Email: rows[1].email } },
      { fields: { LastName: 'Existing', Email: rows[2].email } },
    ]);
    expect(made.every((r) => r.ok)).toBe(true);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a dry run says what would happen per object and sends no write', async () => {
    const before = await adminStats(h.emu);
    const report = await h.sync.dryRun({ connectionId: h.connectionId, samples: 2 });
    const after = await adminStats(h.emu);
    const writes = Object.entries(after.byPath).filter(([p]) => /composite|jobs\/ingest/.test(p)).reduce((n, [p, c]) => n + c - (before.byPath[p] ?? 0), 0);
    expect(writes).toBe(0);
    const contact = report.objects.find((o) => o.object === 'Contact')!;
    expect(contact).toMatchObject({ create: 7, update: 2, skip: 0, invalid: 1 });
    const invalid = contact.samples.find((s) => s.operation === 'invalid')!;
    expect(invalid.label).toBe(rows[5].email);
    expect(invalid.issues[0]).toMatchObject({ code: 'STRING_TOO_LONG', crmField: 'FirstName' });
    const created = contact.samples.find((s) => s.operation === 'create')!;
    expect(created.fields).toMatchObject({ Ticket_Buyer_Id__c: created.label, Email: created.label, LastName: expect.stringMatching(/^Last\d+$/) });
    expect(contact.samples.find((s) => s.operation === 'update')!.externalId).toMatch(/^003/);
    expect(report.objects.find((o) => o.object === 'Account')).toMatchObject({ create: 1, update: 0 });
    expect(report.objects.find((o) => o.object === 'Opportunity')).toMatchObject({ create: 10 });
    expect(await liveRecords(h, 'Contact')).toHaveLength(2);
  });

  it('the push does what the dry run said; the refused record is a dead letter naming the field', async () => {
    const run = await h.sync.push({ connectionId: h.connectionId, object: 'Contact', trigger: 'test' });
    expect(run).toMatchObject({ created: 1 + 7, updated: 2, failed: 1, status: 'partial' });
    expect(await liveRecords(h, 'Contact')).toHaveLength(9);
    const [dead] = h.sync.items({ connectionId: h.connectionId, states: ['dead'] });
    expect(dead).toMatchObject({ label: rows[5].email, errorCode: 'STRING_TOO_LONG', errorField: 'FirstName', localKind: 'person' });
    expect(dead.lastError).toContain('at most 40 characters');
    const overview = h.sync.queueOverview({ connectionId: h.connectionId });
    expect(overview.counts.dead).toBe(1);
    expect(overview.errorGroups).toEqual([expect.objectContaining({ errorCode: 'STRING_TOO_LONG', errorField: 'FirstName', count: 1 })]);
    // Limited to Contact (and the Accounts it needs): no Opportunity was pushed.
    expect(await liveRecords(h, 'Opportunity')).toHaveLength(0);
    const records = h.sync.runRecords(run.id);
    expect(records.total).toBe(11);
    expect(records.records.find((r) => r.label === rows[5].email)).toMatchObject({ outcome: 'failed', errorField: 'FirstName' });
  });

  it('a push does not resend a dead letter until the record changes; fixing it moves it out', async () => {
    const again = await h.sync.push({ connectionId: h.connectionId, object: 'Contact', trigger: 'test' });
    expect(again.failed + again.created + again.updated).toBe(0);
    h.app.db.prepare('UPDATE people SET first_name = ?, updated_at = ? WHERE email = ?').run('Fixed', nowIso(), rows[5].email);
    const fixed = await h.sync.push({ connectionId: h.connectionId, object: 'Contact', trigger: 'test' });
    expect(fixed).toMatchObject({ created: 1, failed: 0, status: 'ok' });
    expect(h.sync.queueOverview({ connectionId: h.connectionId }).counts).toMatchObject({ dead: 0, superseded: 1 });
  });

  it('a record the CRM refuses fails alone with the CRM’s message; retry and cancel move it out of dead letters', async () => {
    const provider = await h.provider();
    const realWrite = provider.write.bind(provider);
    // The CRM's validation rule refuses one record of the batch.
    const refusing: Provider['write'] = async (object, op, records, opts) => {
      const results = await realWrite(object, op, records.filter((r) => !String(r.fields.Name ?? '').includes(rows[7].orderId)), opts);
      return records.map((r): WriteResult =>
        String(r.fields.Name ?? '').includes(rows[7].orderId)
          ? { ok: false, error: { kind: 'validation', code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Amount: Orders over 10 tickets need approval', fields: ['Amount'] } }
          : results.shift()!,
      );
    };
    provider.write = refusing;
    try {
      const run = await h.sync.push({ connectionId: h.connectionId, trigger: 'test' });
      expect(run).toMatchObject({ failed: 1, status: 'partial' });
      expect(await liveRecords(h, 'Opportunity')).toHaveLength(9);
      const dead = h.sync.items({ connectionId: h.connectionId, states: ['dead'] });
      expect(dead).toHaveLength(1);
      expect(dead[0]).toMatchObject({ localKind: 'order', errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', errorField: 'Amount', lastError: 'Amount: Orders over 10 tickets need approval' });

      expect(h.sync.cancel({ ids: [dead[0].id] })).toBe(1);
      expect(h.sync.queueOverview({ connectionId: h.connectionId }).counts.dead).toBe(0);
    } finally {
      provider.write = realWrite;
    }
    // Cancelled items can be sent again with an explicit push of everything.
    const all = await h.sync.push({ connectionId: h.connectionId, object: 'Opportunity', all: true, trigger: 'test' });
    expect(all.failed).toBe(0);
    expect(await liveRecords(h, 'Opportunity')).toHaveLength(10);
    const roles = (await adminRecords(h.emu, 'OpportunityContactRole')).filter((r) => r.IsDeleted !== true);
    expect(roles).toHaveLength(10);
  });

  it('retry sends a dead letter back to run now', async () => {
    h.app.db.prepare('UPDATE people SET first_name = ?, updated_at = ? WHERE email = ?').run('G'.repeat(50), nowIso(), rows[6].email);
    const run = await h.sync.push({ connectionId: h.connectionId, object: 'Contact', trigger: 'test' });
    expect(run.failed).toBe(1);
    const [dead] = h.sync.items({ connectionId: h.connectionId, states: ['dead'] });
    expect(h.sync.retry({ ids: [dead.id] })).toBe(1);
    expect(h.sync.items({ connectionId: h.connectionId, states: ['pending'] }).map((i) => i.id)).toContain(dead.id);
    expect(h.sync.queueOverview({ connectionId: h.connectionId }).counts.dead).toBe(0);
  });
});

describe('salesforce: people without orders as leads (option)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness('salesforce');
    await h.importRows(buyers(3, { prefix: 'customer', companyEvery: 0 }));
    const now = nowIso();
    for (const email of ['lead1@example.com', 'lead2@example.com']) h.app.db.prepare('INSERT INTO people (email, first_name, last_name, company, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(email, 'Lee', 'Prospect', 'Acme', now, now);
    const provider = await h.provider();
    const lead = defaultMappingFor('salesforce', await provider.describe('Lead'))!;
    saveMapping(h.app.db, h.connectionId, { ...lead, enabled: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('buyers become Contacts, people without orders become Leads', async () => {
    const run = await h.sync.push({ connectionId: h.connectionId, trigger: 'test' });
    expect(run.failed, run.message ?? '').toBe(0);
    const contacts = await liveRecords(h, 'Contact');
    const leads = await liveRecords(h, 'Lead');
    expect(contacts.map((c) => c.Email).sort()).toEqual(['customer0@example.com', 'customer1@example.com', 'customer2@example.com']);
    expect(leads.map((l) => l.Email).sort()).toEqual(['lead1@example.com', 'lead2@example.com']);
    expect(leads[0]).toMatchObject({ Company: 'Acme', LastName: 'Prospect' });
    const again = await h.sync.push({ connectionId: h.connectionId, trigger: 'test' });
    expect(again.created + again.updated).toBe(0);
  });
});

describe('hubspot: a duplicate answer is found and updated', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness('hubspot');
    await h.importRows(buyers(3, { prefix: 'dup', companyEvery: 0 }));
    const provider = await h.provider();
    const made = await provider.write('contacts', 'create', [{ fields: { email: 'dup1@example.com', firstname: 'Someone' } }]);
    expect(made[0].ok).toBe(true);
    // A saved mapping that creates contacts by CRM id (no email upsert): HubSpot answers 409 for the existing email.
    const contacts = defaultMappingFor('hubspot', await provider.describe('contacts'))!;
    saveMapping(h.app.db, h.connectionId, { ...contacts, matchKey: { kind: 'crmId' }, fields: [...contacts.fields, { crm: 'email', local: 'email', direction: 'push' }] });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('updates the existing record instead of failing or duplicating', async () => {
    const run = await h.sync.push({ connectionId: h.connectionId, object: 'contacts', trigger: 'test' });
    expect(run).toMatchObject({ failed: 0, created: 2, updated: 1 });
    const contacts = await liveRecords(h, 'contacts');
    expect(contacts).toHaveLength(3);
    const dup = contacts.find((c) => (c.properties as Record<string, string>).email === 'dup1@example.com')!;
    expect((dup.properties as Record<string, string>).firstname).toBe('First1');
    const link = h.app.db.prepare("SELECT external_id FROM external_links WHERE object = 'contacts' AND local_id = (SELECT id FROM people WHERE email = 'dup1@example.com')").pluck().get();
    expect(link).toBe(dup.id);
  });
});
