import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowIso } from '../../main/store/db';
import { saveMapping } from '../../main/store/mappings';
import { defaultMappingFor } from '../../main/sync/mapping/defaults';
import { adminEmail, adminField, buyers, liveRecords, ROLES, startHarness, type Harness, type Kind } from './helpers';

/**
 * Issue 11 point 5: "only fill blanks" never overwrites a filled CRM value (found by key or
 * linked), and a blank local value never clears a CRM value ("never clear", the push default).
 */
describe.each<Kind>(['salesforce', 'hubspot'])('%s: field rules on push', (kind) => {
  let h: Harness;
  const roles = ROLES[kind];
  const rows = buyers(3, { companyEvery: 0, prefix: `rules-${kind}-` });
  const crmPhone = '+1 999 0000001';
  const byEmail = async (email: string) => (await liveRecords(h, roles.person)).find((r) => adminEmail(kind, r)?.toLowerCase() === email)!;

  beforeAll(async () => {
    h = await startHarness(kind);
    expect((await h.importRows(rows)).created).toBe(3);
    const provider = await h.provider();
    // Made in the CRM by someone else: rows[0] with a phone of its own, rows[1] with none.
    const made = await provider.write(roles.person, 'create', [
      { fields: { [roles.last]: 'Existing', [roles.email]: rows[0].email, [roles.phone]: crmPhone } },
      { fields: { [roles.last]: 'Existing', [roles.email]: rows[1].email } },
    ]);
    expect(made.every((r) => r.ok)).toBe(true);
    const mapping = defaultMappingFor(kind, await provider.describe(roles.person))!;
    expect(mapping.fields.some((f) => f.crm === roles.phone)).toBe(true);
    saveMapping(h.app.db, h.connectionId, { ...mapping, enabled: true, fields: mapping.fields.map((f) => (f.crm === roles.phone ? { ...f, onlyFillBlanks: true } : f)) });
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('only fills blank CRM values: a filled phone stays, a blank one and a new record get the local phone', async () => {
    const run = await h.sync.push({ connectionId: h.connectionId, object: roles.person, trigger: 'test' });
    expect(run.failed, run.message ?? '').toBe(0);
    expect(adminField(kind, await byEmail(rows[0].email), roles.phone)).toBe(crmPhone);
    expect(adminField(kind, await byEmail(rows[0].email), roles.first)).toBe(rows[0].first);
    expect(adminField(kind, await byEmail(rows[1].email), roles.phone)).toBe(rows[1].phone);
    expect(adminField(kind, await byEmail(rows[2].email), roles.phone)).toBe(rows[2].phone);
  }, 60_000);

  it('a linked record with a filled phone keeps it when the local phone changes', async () => {
    h.app.db.prepare('UPDATE people SET phone = ?, first_name = ?, updated_at = ? WHERE email = ?').run('+1 555 7777777', 'Renamed', nowIso(), rows[1].email);
    const run = await h.sync.push({ connectionId: h.connectionId, object: roles.person, trigger: 'test' });
    expect(run).toMatchObject({ failed: 0, updated: 1 });
    const r = await byEmail(rows[1].email);
    expect(adminField(kind, r, roles.phone)).toBe(rows[1].phone);
    expect(adminField(kind, r, roles.first)).toBe('Renamed');
  }, 60_000);

  it('never clears: a blank local first name leaves the CRM value', async () => {
    h.app.db.prepare('UPDATE people SET first_name = NULL, updated_at = ? WHERE email = ?').run(nowIso(), rows[2].email);
    const run = await h.sync.push({ connectionId: h.connectionId, object: roles.person, trigger: 'test' });
    expect(run.failed).toBe(0);
    expect(adminField(kind, await byEmail(rows[2].email), roles.first)).toBe(rows[2].first);
  }, 60_000);
});
