// Conformance: HubSpot's own generated client (@hubspot/api-client), unchanged, against the emulator.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssociationTypes, Client } from '@hubspot/api-client';
import { ApiException, FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/contacts';
import { AssociationSpecAssociationCategoryEnum } from '@hubspot/api-client/lib/codegen/crm/associations/v4';
import {
  ApiException as PropertiesApiException,
  PropertyCreateFieldTypeEnum,
  PropertyCreateTypeEnum,
} from '@hubspot/api-client/lib/codegen/crm/properties';
import { ApiException as OAuthApiException } from '@hubspot/api-client/lib/codegen/oauth';
import { startEmulator, type Emulator } from '../emulators/index';

const CLIENT_ID = 'hubspot-emulator-client-id';
const CLIENT_SECRET = 'hubspot-emulator-client-secret';
const REDIRECT = 'http://127.0.0.1:47123/oauth-callback';
const SCOPES = 'oauth crm.objects.contacts.read crm.objects.contacts.write crm.objects.companies.read crm.objects.companies.write crm.objects.deals.read crm.objects.deals.write crm.schemas.contacts.read crm.schemas.contacts.write';

const clientVersion = (createRequire(import.meta.url)('@hubspot/api-client/package.json') as { version: string }).version;

let emu: Emulator;
let client: Client;
let refreshToken: string;

/** The consent step (auto-approved), as a browser would follow it. */
async function authorizationCode(): Promise<string> {
  const q = new URLSearchParams({ client_id: CLIENT_ID, redirect_uri: REDIRECT, scope: SCOPES, state: 'conformance' });
  const res = await fetch(`${emu.url}/oauth/authorize?${q}`, { redirect: 'manual' });
  const location = new URL(res.headers.get('location')!);
  expect(location.searchParams.get('state')).toBe('conformance');
  return location.searchParams.get('code')!;
}

/** Each generated module of the client has its own ApiException class; the error must be that module's. */
async function expectApiError(
  promise: Promise<unknown>,
  code: number,
  category?: string,
  errorClass: abstract new (...args: never[]) => Error = ApiException,
): Promise<{ body: Record<string, unknown> }> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(errorClass);
  const apiErr = err as ApiException<Record<string, unknown>>;
  expect(apiErr.code).toBe(code);
  if (category) expect(apiErr.body.category).toBe(category);
  return apiErr;
}

beforeAll(async () => {
  emu = await startEmulator('hubspot', { autoApprove: true, token: 'pat-conformance' });
});
afterAll(async () => emu?.close());

describe(`@hubspot/api-client ${clientVersion} against the emulator`, () => {
  it('exchanges a code and refreshes through oauth.tokensApi', async () => {
    const oauth = new Client({ basePath: emu.url });
    const tokens = await oauth.oauth.tokensApi.create('authorization_code', await authorizationCode(), REDIRECT, CLIENT_ID, CLIENT_SECRET);
    expect(tokens.tokenType).toBe('bearer');
    expect(tokens.expiresIn).toBe(1800);
    expect(tokens.accessToken.length).toBeGreaterThan(20);
    refreshToken = tokens.refreshToken;
    const refreshed = await oauth.oauth.tokensApi.create('refresh_token', undefined, undefined, CLIENT_ID, CLIENT_SECRET, refreshToken);
    expect(refreshed.refreshToken).toBe(refreshToken);
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);
    const info = await oauth.oauth.accessTokensApi.get(refreshed.accessToken);
    expect(info).toMatchObject({ hubId: 24681357, appId: 4242, tokenType: 'access' });
    expect(info.scopes).toContain('crm.objects.contacts.write');
    const refreshInfo = await oauth.oauth.refreshTokensApi.get(refreshToken);
    expect(refreshInfo.clientId).toBe(CLIENT_ID);
    client = new Client({ accessToken: refreshed.accessToken, basePath: emu.url });
  });

  it('surfaces OAuth failures as ApiException', async () => {
    const oauth = new Client({ basePath: emu.url });
    const err = await expectApiError(oauth.oauth.tokensApi.create('refresh_token', undefined, undefined, CLIENT_ID, 'wrong-secret', refreshToken), 400, undefined, OAuthApiException);
    expect(err.body.message).toBe('missing or invalid client secret');
  });

  it('does contact CRUD with fully deserialised answers', async () => {
    const created = await client.crm.contacts.basicApi.create({ properties: { email: 'Ada@Example.com', firstname: 'Ada', ticket_buyer_id: 'EB-1' }, associations: [] });
    expect(created.id).toMatch(/^\d+$/);
    expect(created.createdAt).toBeInstanceOf(Date);
    expect(created.properties.email).toBe('ada@example.com');
    const byEmail = await client.crm.contacts.basicApi.getById('ada@example.com', ['firstname', 'ticket_buyer_id'], undefined, undefined, false, 'email');
    expect(byEmail.id).toBe(created.id);
    expect(byEmail.properties.ticket_buyer_id).toBe('EB-1');
    const updated = await client.crm.contacts.basicApi.update('ada@example.com', { properties: { lastname: 'Lovelace', phone: '' } }, 'email');
    expect(updated.properties.lastname).toBe('Lovelace');
    expect(updated.updatedAt.getTime()).toBeGreaterThanOrEqual(created.updatedAt.getTime());
    await client.crm.contacts.basicApi.archive(created.id);
    await expectApiError(client.crm.contacts.basicApi.getById(created.id), 404, 'OBJECT_NOT_FOUND');
    const archived = await client.crm.contacts.basicApi.getById(created.id, undefined, undefined, undefined, true);
    expect(archived.archived).toBe(true);
    expect(archived.archivedAt).toBeInstanceOf(Date);
  });

  it('surfaces 409 duplicate email and 400 bad values as ApiException with HubSpot bodies', async () => {
    const first = await client.crm.contacts.basicApi.create({ properties: { email: 'dup@example.com' }, associations: [] });
    const conflict = await expectApiError(client.crm.contacts.basicApi.create({ properties: { email: 'dup@example.com' }, associations: [] }), 409, 'CONFLICT');
    expect(conflict.body.message).toBe(`Contact already exists. Existing ID: ${first.id}`);
    expect(typeof conflict.body.correlationId).toBe('string');
    const invalid = await expectApiError(client.crm.contacts.basicApi.create({ properties: { email: 'x@example.com', lifecyclestage: 'vip' }, associations: [] }), 400, 'VALIDATION_ERROR');
    expect((invalid.body.errors as Array<{ code: string }>)[0].code).toBe('INVALID_OPTION');
  });

  it('batch creates, reads, updates and upserts', async () => {
    const inputs = Array.from({ length: 100 }, (_, i) => ({ properties: { email: `batch${i}@example.com`, firstname: `B${i}` }, associations: [] }));
    const created = await client.crm.contacts.batchApi.create({ inputs });
    expect(created.results).toHaveLength(100);
    expect(created.status).toBe('COMPLETE');
    expect(created.completedAt).toBeInstanceOf(Date);
    const ids = created.results.map((r) => r.id);
    const read = await client.crm.contacts.batchApi.read({ inputs: [{ id: ids[0] }, { id: '99999999' }], properties: ['email'], propertiesWithHistory: [] });
    expect(read.results.map((r) => r.properties.email)).toEqual(['batch0@example.com']);
    expect('numErrors' in read && read.numErrors).toBe(1);
    const updated = await client.crm.contacts.batchApi.update({ inputs: [{ id: ids[1], properties: { jobtitle: 'Speaker' } }] });
    expect(updated.results[0].properties.jobtitle).toBe('Speaker');
    const upserted = await client.crm.contacts.batchApi.upsert({
      inputs: [
        { id: 'batch2@example.com', idProperty: 'email', properties: { jobtitle: 'Host' } },
        { id: 'brand-new@example.com', idProperty: 'email', properties: { firstname: 'New' } },
      ],
    });
    const flags = Object.fromEntries(upserted.results.map((r) => [r.properties.email, r._new]));
    expect(flags).toEqual({ 'batch2@example.com': false, 'brand-new@example.com': true });
    await expectApiError(client.crm.contacts.batchApi.create({ inputs: [...inputs, ...inputs.slice(0, 1)] }), 400, 'VALIDATION_ERROR');
  });

  it('searches with filters, a sort and after paging', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    let total = 0;
    do {
      const page = await client.crm.contacts.searchApi.doSearch({
        filterGroups: [{ filters: [{ propertyName: 'email', operator: FilterOperatorEnum.ContainsToken, value: 'batch*' }] }],
        sorts: ['-createdate'],
        properties: ['email', 'firstname'],
        limit: 40,
        after,
      });
      total = page.total;
      seen.push(...page.results.map((r) => r.id));
      after = page.paging?.next?.after;
    } while (after);
    expect(total).toBe(100);
    expect(new Set(seen).size).toBe(100);
    const exact = await client.crm.contacts.searchApi.doSearch({
      filterGroups: [{ filters: [{ propertyName: 'email', operator: FilterOperatorEnum.Eq, value: 'batch7@example.com' }] }],
      limit: 1,
    });
    expect(exact.results[0].properties.firstname).toBe('B7');
  });

  it('lists every contact with getAll (after paging)', async () => {
    const all = await client.crm.contacts.getAll(30);
    expect(all.length).toBeGreaterThanOrEqual(101);
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
  });

  it('reads and creates properties', async () => {
    const all = await client.crm.properties.coreApi.getAll('contacts');
    const unique = all.results.find((p) => p.name === 'ticket_buyer_id');
    expect(unique?.hasUniqueValue).toBe(true);
    const calculated = all.results.find((p) => p.name === 'hs_full_name_or_email');
    expect(calculated?.calculated).toBe(true);
    expect(calculated?.modificationMetadata?.readOnlyValue).toBe(true);
    const stage = await client.crm.properties.coreApi.getByName('contacts', 'lifecyclestage');
    expect(stage.options.map((o) => o.value)).toContain('customer');
    const made = await client.crm.properties.coreApi.create('contacts', {
      name: 'seat_section',
      label: 'Seat section',
      type: PropertyCreateTypeEnum.Enumeration,
      fieldType: PropertyCreateFieldTypeEnum.Select,
      groupName: 'contactinformation',
      options: [
        { label: 'Floor', value: 'floor', hidden: false, displayOrder: 0 },
        { label: 'Balcony', value: 'balcony', hidden: false, displayOrder: 1 },
      ],
    });
    expect(made.createdAt).toBeInstanceOf(Date);
    expect(made.options).toHaveLength(2);
    await expectApiError(client.crm.properties.coreApi.getByName('contacts', 'no_such_property'), 404, 'OBJECT_NOT_FOUND', PropertiesApiException);
  });

  it('associates through associations v4 and reads them back', async () => {
    const company = await client.crm.companies.basicApi.create({ properties: { name: 'Analytical Engines', domain: 'engines.example.com' }, associations: [] });
    const contact = await client.crm.contacts.basicApi.create({
      properties: { email: 'assoc@example.com' },
      associations: [{ to: { id: company.id }, types: [{ associationCategory: AssociationSpecAssociationCategoryEnum.HubspotDefined, associationTypeId: AssociationTypes.primaryContactToCompany }] }],
    });
    const deal = await client.crm.deals.basicApi.create({ properties: { dealname: 'Gala', amount: '2500', dealstage: 'contractsent', pipeline: 'default' }, associations: [] });
    const single = await client.crm.associations.v4.basicApi.createDefault('deals', deal.id, 'contacts', contact.id);
    expect(single.results.map((r) => r.associationSpec.associationTypeId).sort((a, b) => a - b)).toEqual([AssociationTypes.dealToContact, AssociationTypes.contactToDeal]);
    await client.crm.associations.v4.batchApi.createDefault('deals', 'companies', { inputs: [{ _from: { id: deal.id }, to: { id: company.id } }] });
    const fromContact = await client.crm.associations.v4.basicApi.getPage('contacts', contact.id, 'companies');
    expect(String(fromContact.results[0].toObjectId)).toBe(company.id);
    expect(fromContact.results[0].associationTypes.map((t) => t.typeId)).toContain(AssociationTypes.primaryContactToCompany);
    const batch = await client.crm.associations.v4.batchApi.getPage('deals', 'companies', { inputs: [{ id: deal.id }] });
    expect(batch.results[0]._from.id).toBe(deal.id);
    expect(batch.results[0].to[0].associationTypes[0].typeId).toBe(AssociationTypes.dealToCompany);
    const withAssoc = await client.crm.contacts.basicApi.getById(contact.id, undefined, undefined, ['companies', 'deals']);
    expect(withAssoc.associations?.companies.results.map((r) => r.id)).toEqual([company.id]);
    expect(withAssoc.associations?.deals.results[0].type).toBe('contact_to_deal');
    await client.crm.associations.v4.batchApi.archive('deals', 'contacts', { inputs: [{ _from: { id: deal.id }, to: [{ id: contact.id }] }] });
    expect((await client.crm.associations.v4.basicApi.getPage('deals', deal.id, 'contacts')).results).toEqual([]);
  });

  it('merges two contacts', async () => {
    const a = await client.crm.contacts.basicApi.create({ properties: { email: 'merge-a@example.com' }, associations: [] });
    const b = await client.crm.contacts.basicApi.create({ properties: { email: 'merge-b@example.com', phone: '42' }, associations: [] });
    const merged = await client.crm.contacts.basicApi.merge({ primaryObjectId: a.id, objectIdToMerge: b.id });
    const viaOld = await client.crm.contacts.basicApi.getById(b.id, ['email', 'phone']);
    expect(viaOld.id).toBe(merged.id);
    expect(viaOld.properties).toMatchObject({ email: 'merge-a@example.com', phone: '42' });
  });

  it('surfaces an expired token as ApiException 401 EXPIRED_AUTHENTICATION, fixed by a refresh', async () => {
    await fetch(`${emu.url}/__admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ expireTokensNow: true }) });
    const err = await expectApiError(client.crm.contacts.basicApi.getPage(1), 401, 'EXPIRED_AUTHENTICATION');
    expect(String(err.body.message)).toMatch(/^The OAuth token used to make this call expired \d+ second\(s\) ago\.$/);
    const tokens = await new Client({ basePath: emu.url }).oauth.tokensApi.create('refresh_token', undefined, undefined, CLIENT_ID, CLIENT_SECRET, refreshToken);
    client.setAccessToken(tokens.accessToken);
    expect((await client.crm.contacts.basicApi.getPage(1)).results).toHaveLength(1);
  });

  it('surfaces a 429 as ApiException with the rate-limit body', async () => {
    await fetch(`${emu.url}/__admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ burst429: 1 }) });
    const err = await expectApiError(client.crm.contacts.basicApi.getPage(1), 429);
    expect(err.body).toMatchObject({ errorType: 'RATE_LIMIT', policyName: 'TEN_SECONDLY_ROLLING' });
  });

  it("lets the client's own retry decorator recover from the search secondly limit", async () => {
    await fetch(`${emu.url}/__admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ burst429: 1 }) });
    const retrying = new Client({ accessToken: 'pat-conformance', basePath: emu.url, numberOfApiCallRetries: 2 });
    const quiet = console.error;
    console.error = () => undefined;
    try {
      const page = await retrying.crm.contacts.searchApi.doSearch({ filterGroups: [], limit: 1 });
      expect(page.results).toHaveLength(1);
    } finally {
      console.error = quiet;
    }
    const stats = (await (await fetch(`${emu.url}/__admin/stats`)).json()) as { byStatus: Record<string, number> };
    expect(stats.byStatus['429']).toBeGreaterThanOrEqual(2);
  });
});

describe('seed example through the client', () => {
  it('reads seeded records with a private-app token', async () => {
    const seed = JSON.parse(readFileSync(new URL('../emulators/hubspot/seed.example.json', import.meta.url), 'utf8'));
    const seeded = await startEmulator('hubspot', { seed, token: 'pat-seeded' });
    try {
      const hs = new Client({ accessToken: 'pat-seeded', basePath: seeded.url });
      const page = await hs.crm.contacts.basicApi.getPage(10, undefined, ['email', 'ticket_tier']);
      expect(page.results.map((r) => r.properties.email)).toEqual(['ada@example.com', 'grace@example.com']);
      const deal = await hs.crm.deals.basicApi.getById('301', ['amount', 'dealstage'], undefined, ['contacts', 'companies']);
      expect(deal.properties.amount).toBe('2500');
      expect(deal.associations?.contacts.results[0].id).toBe('101');
    } finally {
      await seeded.close();
    }
  });
});
