import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowIso } from '../../main/store/db';
import { writeSetting } from '../../main/store/settings';
import { listAudit } from '../../main/store/audit-log';
import { adminEmail, adminField, adminRecords, buyers, liveRecords, ROLES, startHarness, type Harness, type Kind } from './helpers';

const N = 12;

/**
 * Issue 6 proof, per CRM, with the real provider clients against the emulators: import → push →
 * every person, company and order once with the mapped values; push again → nothing changes;
 * a CRM edit comes back with a pull; an edit on both sides follows the policy and is logged.
 */
describe.each<Kind>(['salesforce', 'hubspot', 'pipedrive'])('%s: import, push, push again, pull, conflicts', (kind) => {
  let h: Harness;
  const roles = ROLES[kind];
  const rows = buyers(N, { companyEvery: 3 });
  const companies = [...new Set(rows.map((r) => r.company).filter(Boolean))];

  beforeAll(async () => {
    h = await startHarness(kind);
    const imported = await h.importRows(rows);
    expect(imported.created).toBe(N);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('pushes every person, company and order exactly once with the mapped values', async () => {
    const run = await h.sync.push({ connectionId: h.connectionId, trigger: 'test' });
    expect(run.status, run.message ?? '').toBe('ok');
    expect(run.failed).toBe(0);
    expect(run.created).toBe(N + companies.length + N);

    const people = await liveRecords(h, roles.person);
    expect(people).toHaveLength(N);
    const emails = people.map((p) => adminEmail(kind, p)!.toLowerCase()).sort();
    expect(emails).toEqual(rows.map((r) => r.email).sort());
    const p3 = people.find((p) => adminEmail(kind, p) === rows[3].email)!;
    expect(adminField(kind, p3, roles.first)).toBe('First3');
    expect(adminField(kind, p3, roles.last)).toBe('Last3');

    const orgs = await liveRecords(h, roles.company);
    expect(orgs.map((o) => (kind === 'hubspot' ? adminField(kind, o, 'name') : o.Name ?? o.name)).sort()).toEqual([...companies].sort());

    const deals = await liveRecords(h, roles.deal);
    expect(deals).toHaveLength(N);
    const title = (d: Record<string, unknown>) => String(adminField(kind, d, roles.name));
    expect(deals.map(title).sort()).toEqual(rows.map((r) => `Spring Summit · order ${r.orderId}`).sort());

    // Every local person is linked once to its CRM record.
    const links = h.app.db.prepare("SELECT COUNT(*) AS n, COUNT(DISTINCT external_id) AS d FROM external_links WHERE local_kind = 'person' AND connection_id = ?").get(h.connectionId) as { n: number; d: number };
    expect(links).toEqual({ n: N, d: N });
  });

  it('links orders to their buyer and B2B buyers to their company', async () => {
    const people = await liveRecords(h, roles.person);
    const orgs = await liveRecords(h, roles.company);
    const deals = await liveRecords(h, roles.deal);
    const buyer0 = people.find((p) => adminEmail(kind, p) === rows[0].email)!;
    const org0 = orgs.find((o) => (kind === 'hubspot' ? adminField(kind, o, 'name') : o.Name ?? o.name) === rows[0].company)!;
    const deal0 = deals.find((d) => String(adminField(kind, d, roles.name)).endsWith(rows[0].orderId))!;
    if (kind === 'salesforce') {
      expect(buyer0.AccountId).toBe(org0.Id);
      expect(deal0.AccountId).toBe(org0.Id);
      const roles = await adminRecords(h.emu, 'OpportunityContactRole');
      expect(roles.filter((r) => r.OpportunityId === deal0.Id && r.ContactId === buyer0.Id)).toHaveLength(1);
    } else if (kind === 'hubspot') {
      const assoc = deal0.associations as Record<string, Array<{ toId: string }>>;
      expect(assoc.contacts.map((a) => a.toId)).toEqual([String(buyer0.id)]);
      expect(assoc.companies.map((a) => a.toId)).toEqual([String(org0.id)]);
      const contactAssoc = buyer0.associations as Record<string, Array<{ toId: string }>>;
      expect(contactAssoc.companies.map((a) => a.toId)).toEqual([String(org0.id)]);
    } else {
      expect(deal0.person_id).toBe(buyer0.id);
      expect(deal0.org_id).toBe(org0.id);
      expect(buyer0.org_id).toBe(org0.id);
    }
  });

  it('a second push changes nothing and sends no write', async () => {
    const before = JSON.stringify(await Promise.all([roles.person, roles.company, roles.deal].map((o) => adminRecords(h.emu, o))));
    const run = await h.sync.push({ connectionId: h.connectionId, trigger: 'test' });
    expect(run.status).toBe('ok');
    expect(run.created + run.updated + run.failed).toBe(0);
    const after = JSON.stringify(await Promise.all([roles.person, roles.company, roles.deal].map((o) => adminRecords(h.emu, o))));
    expect(after).toBe(before);
  });

  it('pulls a CRM edit of first name, last name and phone into the local person', async () => {
    const provider = await h.provider();
    const link = h.app.db.prepare("SELECT external_id FROM external_links WHERE connection_id = ? AND local_kind = 'person' AND object = ? AND local_id = (SELECT id FROM people WHERE email = ?)").pluck().get(h.connectionId, roles.person, rows[1].email) as string;
    const [res] = await provider.write(roles.person, 'update', [{ id: link, fields: { [roles.first]: 'Ada', [roles.last]: 'Lovelace', [roles.phone]: '+44 20 7946 0000' } }]);
    expect(res.ok).toBe(true);
    const run = await h.sync.pull({ connectionId: h.connectionId, trigger: 'test' });
    expect(run.status, run.message ?? '').toBe('ok');
    expect(run.updated).toBe(1);
    expect(run.conflicts).toBe(0);
    const person = h.app.db.prepare('SELECT first_name, last_name, phone FROM people WHERE email = ?').get(rows[1].email);
    expect(person).toEqual({ first_name: 'Ada', last_name: 'Lovelace', phone: '+44 20 7946 0000' });
    // The pulled values are what the CRM has: the next push has nothing to send.
    const again = await h.sync.push({ connectionId: h.connectionId, trigger: 'test' });
    expect(again.created + again.updated).toBe(0);
  });

  it('an edit on both sides follows the policy (CRM wins by default) and is logged', async () => {
    const provider = await h.provider();
    const email = rows[2].email;
    const link = h.app.db.prepare("SELECT external_id FROM external_links WHERE connection_id = ? AND local_kind = 'person' AND object = ? AND local_id = (SELECT id FROM people WHERE email = ?)").pluck().get(h.connectionId, roles.person, email) as string;
    h.app.db.prepare('UPDATE people SET phone = ?, updated_at = ? WHERE email = ?').run('+1 000 LOCAL', nowIso(), email);
    await provider.write(roles.person, 'update', [{ id: link, fields: { [roles.phone]: '+1 111 CRM' } }]);
    const run = await h.sync.pull({ connectionId: h.connectionId, trigger: 'test' });
    expect(run.conflicts).toBe(1);
    expect(h.app.db.prepare('SELECT phone FROM people WHERE email = ?').pluck().get(email)).toBe('+1 111 CRM');
    const [conflict] = h.sync.conflicts({ runId: run.id });
    expect(conflict).toMatchObject({ field: 'phone', crmField: roles.phone, localValue: '+1 000 LOCAL', crmValue: '+1 111 CRM', winner: 'crm', policy: 'crm-wins' });
    const audit = listAudit(h.app.db, { limit: 50, kind: 'sync' }).entries.filter((e) => e.action === 'conflict');
    expect(audit[0].summary).toContain('+1 000 LOCAL');
  });

  it('pulls a record made in the CRM in as a new person only when asked to', async () => {
    const provider = await h.provider();
    const email = 'made.in.crm@example.com';
    const fields: Record<string, unknown> = { [roles.first]: 'Katherine', [roles.last]: 'Johnson', [roles.email]: email };
    if (kind === 'pipedrive') fields.name = 'Katherine Johnson';
    const [made] = await provider.write(roles.person, 'create', [{ fields }]);
    expect(made.ok).toBe(true);
    const skipped = await h.sync.pull({ connectionId: h.connectionId, trigger: 'test' });
    expect(skipped.skipped).toBe(1);
    expect(h.app.db.prepare('SELECT COUNT(*) FROM people WHERE email = ?').pluck().get(email)).toBe(0);
    // The cursor moved past it; a pull of that record by id (the query runner's "pull these") adds it.
    const added = await h.sync.pullRecords({ connectionId: h.connectionId, object: roles.person, ids: [made.ok ? made.id : ''] });
    expect(added).toMatchObject({ accepted: true, queued: 1 });
    expect(h.app.db.prepare('SELECT first_name, last_name FROM people WHERE email = ?').get(email)).toEqual({ first_name: 'Katherine', last_name: 'Johnson' });
    const link = h.app.db.prepare("SELECT external_id FROM external_links WHERE local_kind = 'person' AND object = ? AND local_id = (SELECT id FROM people WHERE email = ?)").pluck().get(roles.person, email);
    expect(link).toBe(made.ok ? made.id : '');
  });

  it('an incremental pull with "create people" adds CRM-made records as people', async () => {
    const provider = await h.provider();
    const email = 'also.from.crm@example.com';
    const fields: Record<string, unknown> = { [roles.first]: 'Dorothy', [roles.last]: 'Vaughan', [roles.email]: email };
    if (kind === 'pipedrive') fields.name = 'Dorothy Vaughan';
    const [made] = await provider.write(roles.person, 'create', [{ fields }]);
    expect(made.ok).toBe(true);
    const run = await h.sync.pull({ connectionId: h.connectionId, trigger: 'test', createPeople: true });
    expect(run.created).toBe(1);
    expect(h.app.db.prepare('SELECT first_name, last_name FROM people WHERE email = ?').get(email)).toEqual({ first_name: 'Dorothy', last_name: 'Vaughan' });
  });

  it('under local-wins the local value stays, is logged and goes back to the CRM', async () => {
    writeSetting(h.app.db, 'sync.conflictPolicy', 'local-wins');
    const provider = await h.provider();
    const email = rows[4].email;
    const link = h.app.db.prepare("SELECT external_id FROM external_links WHERE connection_id = ? AND local_kind = 'person' AND object = ? AND local_id = (SELECT id FROM people WHERE email = ?)").pluck().get(h.connectionId, roles.person, email) as string;
    h.app.db.prepare('UPDATE people SET first_name = ?, updated_at = ? WHERE email = ?').run('LocalName', nowIso(), email);
    await provider.write(roles.person, 'update', [{ id: link, fields: { [roles.first]: 'CrmName' } }]);
    const run = await h.sync.pull({ connectionId: h.connectionId, trigger: 'test' });
    expect(run.conflicts).toBe(1);
    expect(h.app.db.prepare('SELECT first_name FROM people WHERE email = ?').pluck().get(email)).toBe('LocalName');
    expect(h.sync.conflicts({ runId: run.id })[0]).toMatchObject({ winner: 'local', crmValue: 'CrmName', localValue: 'LocalName' });
    const push = await h.sync.push({ connectionId: h.connectionId, trigger: 'test' });
    expect(push.updated).toBeGreaterThanOrEqual(1);
    const person = (await liveRecords(h, roles.person)).find((p) => adminEmail(kind, p) === email)!;
    expect(adminField(kind, person, roles.first)).toBe('LocalName');
    writeSetting(h.app.db, 'sync.conflictPolicy', 'crm-wins');
  });
});
