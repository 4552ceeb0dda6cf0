import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oauthTokens, PRIVATE_TOKEN, startHub, type TestHub } from '../emulators/hubspot/test-helpers';
import type { PreflightReport } from '../../shared/ipc/channels/preflight';
import { buyers } from '../sync-engine/helpers';
import { call, makeApp, type TestApp } from './helpers';

/** Everything the app asks HubSpot for except writing deals. */
const SCOPES_WITHOUT_DEAL_WRITES = [
  'oauth',
  'crm.objects.contacts.read',
  'crm.objects.contacts.write',
  'crm.objects.companies.read',
  'crm.objects.companies.write',
  'crm.objects.deals.read',
  'crm.schemas.contacts.read',
  'crm.schemas.companies.read',
  'crm.schemas.deals.read',
].join(' ');

const DEALS_FIX =
  'The HubSpot sign-in was not granted the crm.objects.deals.write scope, so Deal records cannot be created or updated: reconnect HubSpot with a sign-in or token that has it, or switch the Deal mapping off';

/**
 * Issue 9 point 3 on HubSpot: an OAuth token granted without crm.objects.deals.write. The
 * preflight compares the token's scopes (from HubSpot's token info) with what the mapped objects
 * need, and a push stops before HubSpot answers 403 MISSING_SCOPES record by record.
 */
describe('permission preflight against HubSpot with a token lacking crm.objects.deals.write', () => {
  let hub: TestHub;
  let t: TestApp;
  let id: string;

  beforeAll(async () => {
    hub = await startHub();
    const tokens = await oauthTokens(hub, SCOPES_WITHOUT_DEAL_WRITES);
    t = makeApp();
    id = (await t.app.connections.connectWithToken({ provider: 'hubspot', token: tokens.access_token, loginUrl: hub.url })).id;
    expect(await t.importRows(buyers(4, { prefix: 'hs' }))).toBe(4);
  });
  afterAll(async () => {
    await t?.close();
    await hub?.close();
  });

  it('the client reads the granted scopes and names the one deals lack', async () => {
    const grants = (await (await t.app.connections.provider(id)).grantedScopes!())!;
    expect(grants.granted.sort()).toEqual(SCOPES_WITHOUT_DEAL_WRITES.split(' ').sort());
    expect(grants.missingFor('deals', 'write')).toEqual(['crm.objects.deals.write']);
    expect(grants.missingFor('deals', 'read')).toEqual([]);
    expect(grants.missingFor('contacts', 'write')).toEqual([]);
  });

  it('the deals mapping shows the missing scope and the fix; contacts and companies are clean', async () => {
    const deals = await t.app.mappings.get(id, 'deals');
    expect(deals.issues).toContainEqual(expect.objectContaining({ severity: 'error', code: 'MISSING_SCOPE', message: DEALS_FIX }));
    const contacts = await t.app.mappings.get(id, 'contacts');
    expect(contacts.issues.filter((i) => i.code === 'MISSING_SCOPE')).toEqual([]);
    const listed = (await t.app.mappings.objects(id)).objects;
    expect(listed.find((o) => o.object === 'deals')!.errors).toBeGreaterThanOrEqual(1);
    expect(listed.find((o) => o.object === 'companies')!.errors).toBe(0);
  });

  it('a push stops before writing anything, with the scope to grant', async () => {
    const run = await t.app.sync.push({ connectionId: id, trigger: 'test' });
    expect(run.status).toBe('failed');
    expect(run.message).toContain(`Deal: ${DEALS_FIX}`);
    const contacts = await hub.call('GET', '/__admin/records/contacts');
    expect(contacts.body).toEqual([]);
  });

  it('a push of contacts only is not held back by the deals scope', async () => {
    const run = await t.app.sync.push({ connectionId: id, object: 'contacts', trigger: 'test' });
    expect(run.status, run.message ?? '').not.toBe('failed');
    const contacts = (await hub.call('GET', '/__admin/records/contacts')).body as unknown as unknown[];
    expect(contacts).toHaveLength(4);
  });

  it('preflight:check reports the granted scopes and the deals problem', async () => {
    const report = await call<PreflightReport>(t.dispatch, 'preflight:check', { connectionId: id });
    expect(report.ok).toBe(false);
    expect(report.grantedScopes).toContain('crm.objects.deals.read');
    expect(report.grantedScopes).not.toContain('crm.objects.deals.write');
    expect(report.objects.find((o) => o.object === 'deals')!.issues).toEqual([{ severity: 'error', code: 'MISSING_SCOPE', message: DEALS_FIX }]);
    expect(report.objects.filter((o) => o.object !== 'deals').flatMap((o) => o.issues)).toEqual([]);
  });

  it('a private-app token whose scopes HubSpot does not describe is not checked (nothing is refused on a guess)', async () => {
    const other = makeApp();
    try {
      const conn = await other.app.connections.connectWithToken({ provider: 'hubspot', token: PRIVATE_TOKEN, loginUrl: hub.url });
      const report = await call<PreflightReport>(other.dispatch, 'preflight:check', { connectionId: conn.id });
      expect(report).toMatchObject({ ok: true, grantedScopes: null });
    } finally {
      await other.close();
    }
  });
});
