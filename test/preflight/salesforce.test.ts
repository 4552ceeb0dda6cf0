import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../emulators/index';
import { saveMapping } from '../../main/store/mappings';
import type { ObjectMapping } from '../../main/sync/mapping/model';
import type { PreflightReport } from '../../shared/ipc/channels/preflight';
import { adminRecords, adminStats, buyers } from '../sync-engine/helpers';
import { call, makeApp, postJson, type TestApp } from './helpers';

const TOKEN = '00D000000000001!AQ.preflight-salesforce-session';

const PHONE_FIX = 'Your Salesforce user cannot edit Contact.Phone: ask your Salesforce admin for Edit access to Contact.Phone (field-level security), or set this field to pull only';
const LEAD_FIX = 'Your Salesforce user may not create Lead records, so new records cannot be pushed: ask your Salesforce admin for Create permission on Lead (object permissions), or switch the Lead mapping off';

/**
 * Issue 9 point 3 on Salesforce: a profile that makes Contact.Phone read-only and hides
 * Contact.Title by field-level security and takes Create on Lead away. The Mappings page shows
 * each problem with its fix next to the field, and a push stops before writing anything.
 */
describe('permission preflight against a Salesforce org with a restricted profile', () => {
  let emu: Emulator;
  let t: TestApp;
  let id: string;

  const withDirection = (m: ObjectMapping, crm: string, direction: 'push' | 'pull' | 'both'): ObjectMapping => ({ ...m, fields: m.fields.map((f) => (f.crm === crm ? { ...f, direction } : f)) });

  beforeAll(async () => {
    emu = await startEmulator('salesforce', {
      token: TOKEN,
      seed: { permissions: { objects: { Lead: { create: false } }, fields: { Contact: { Phone: 'readOnly', Title: 'hidden' } } } },
    });
    t = makeApp();
    id = (await t.app.connections.connectWithToken({ provider: 'salesforce', token: TOKEN, loginUrl: emu.url })).id;
    expect(await t.importRows(buyers(5, { prefix: 'pf' }))).toBe(5);
  });
  afterAll(async () => {
    await t?.close();
    await emu?.close();
  });

  it('the default Contact mapping already pulls the read-only Phone, so it has no permission error', async () => {
    const state = await t.app.mappings.get(id, 'Contact');
    expect(state.mapping!.fields.find((f) => f.crm === 'Phone')!.direction).toBe('pull');
    expect(state.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('pushing Phone is an inline error naming field-level security and the fix, shown once instead of the generic read-only error', async () => {
    const draft = withDirection((await t.app.mappings.get(id, 'Contact')).mapping!, 'Phone', 'both');
    const issues = await t.app.mappings.validate(id, 'Contact', draft);
    const phone = issues.filter((i) => i.crmField === 'Phone');
    expect(phone).toHaveLength(1);
    expect(phone[0]).toMatchObject({ severity: 'error', code: 'READ_ONLY_FIELD', message: PHONE_FIX, index: draft.fields.findIndex((f) => f.crm === 'Phone') });

    const saved = await t.app.mappings.save(id, 'Contact', draft);
    expect(saved.saved).toBe(false);
    expect(saved.message).toContain(PHONE_FIX);
  });

  it('a mapped field hidden by field-level security says so and asks for Read and Edit access', async () => {
    const base = (await t.app.mappings.get(id, 'Contact')).mapping!;
    expect(base.fields.some((f) => f.crm === 'Title')).toBe(false); // the optional default was dropped
    const draft = { ...base, fields: [...base.fields, { crm: 'Title', local: 'jobTitle', direction: 'push' as const }] };
    const title = (await t.app.mappings.validate(id, 'Contact', draft)).filter((i) => i.crmField === 'Title');
    expect(title).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'UNKNOWN_CRM_FIELD',
        message: 'Contact.Title is not visible to your Salesforce user: field-level security hides it, or it no longer exists. Ask your Salesforce admin for Read and Edit access to Contact.Title (field-level security), or remove it from the mapping',
      }),
    ]);
  });

  it('Lead without Create: a warning while its mapping is off, an error that blocks saving once it is on', async () => {
    const off = await t.app.mappings.get(id, 'Lead');
    expect(off.mapping!.enabled).toBe(false);
    expect(off.issues).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'OBJECT_NOT_CREATEABLE', message: `Before switching this mapping on: ${LEAD_FIX}` }));

    const on = { ...off.mapping!, enabled: true };
    const issues = await t.app.mappings.validate(id, 'Lead', on);
    expect(issues).toContainEqual(expect.objectContaining({ severity: 'error', code: 'OBJECT_NOT_CREATEABLE', message: LEAD_FIX }));
    expect((await t.app.mappings.save(id, 'Lead', on)).saved).toBe(false);
    // The object list counts it, so the Mappings page marks Lead only once it is switched on.
    const listed = (await t.app.mappings.objects(id)).objects.find((o) => o.object === 'Lead')!;
    expect(listed).toMatchObject({ createable: false, errors: 0 });
  });

  it('a push with mappings saved before the restriction stops at once with every problem and writes nothing', async () => {
    // Saved straight into the store, as they were before the admin changed the profile.
    const contact = withDirection((await t.app.mappings.get(id, 'Contact')).mapping!, 'Phone', 'both');
    saveMapping(t.app.db, id, contact);
    saveMapping(t.app.db, id, { ...(await t.app.mappings.get(id, 'Lead')).mapping!, enabled: true });
    const before = await adminStats(emu);

    const run = await t.app.sync.push({ connectionId: id, trigger: 'test' });
    expect(run.status).toBe('failed');
    expect(run.message).toContain('Nothing was pushed: 2 permission problems to fix first.');
    expect(run.message).toContain(`Contact: ${PHONE_FIX}`);
    expect(run.message).toContain(`Lead: ${LEAD_FIX}`);

    const after = await adminStats(emu);
    const writes = Object.entries(after.byPath).filter(([p]) => /composite|sobjects\/(Contact|Lead|Account|Opportunity)|jobs\/ingest/.test(p)).reduce((n, [p, c]) => n + c - (before.byPath[p] ?? 0), 0);
    expect(writes).toBe(0);
    expect(await adminRecords(emu, 'Contact')).toHaveLength(0);
    expect(t.app.sync.queueOverview({ connectionId: id }).counts).toMatchObject({ failed: 0, dead: 0 });
  });

  it('preflight:check lists the same problems for the Sync page', async () => {
    const report = await call<PreflightReport>(t.dispatch, 'preflight:check', { connectionId: id });
    expect(report).toMatchObject({ connectionId: id, provider: 'salesforce', providerName: 'Salesforce', ok: false, grantedScopes: null });
    const byObject = Object.fromEntries(report.objects.map((o) => [o.object, o]));
    expect(byObject.Contact.issues).toEqual([{ severity: 'error', code: 'READ_ONLY_FIELD', message: PHONE_FIX, crmField: 'Phone' }]);
    expect(byObject.Lead.issues).toEqual([{ severity: 'error', code: 'OBJECT_NOT_CREATEABLE', message: LEAD_FIX }]);
    expect(byObject.Account.issues).toEqual([]);
    expect(report.message).toMatch(/2 permission problems would stop a push/);
  });

  it('once the admin grants access, a refreshed check is clean and the same push goes through', async () => {
    await postJson(`${emu.url}/__admin/permissions`, {});
    const report = await call<PreflightReport>(t.dispatch, 'preflight:check', { connectionId: id, refresh: true });
    expect(report.ok).toBe(true);
    expect(report.objects.flatMap((o) => o.issues)).toEqual([]);

    const run = await t.app.sync.push({ connectionId: id, trigger: 'test' });
    expect(run.status, run.message ?? '').toBe('ok');
    const contacts = await adminRecords(emu, 'Contact');
    expect(contacts).toHaveLength(5);
    expect(contacts.every((c) => typeof c.Phone === 'string' && (c.Phone as string).startsWith('+1 555'))).toBe(true);
  });
});
