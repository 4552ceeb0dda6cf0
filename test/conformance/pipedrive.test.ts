import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v1, v2 } from 'pipedrive';
import { startEmulator, type Emulator } from '../emulators/index';

/**
 * Pipedrive's own SDK (`pipedrive`, unchanged) pointed at the emulator: every call the product
 * makes must come back fully deserialised, and errors must reach the caller the way the SDK
 * surfaces them (it rejects with the response body).
 */
const TOKEN = 'conformance-api-token';
let emu: Emulator;
let personsApi: v2.PersonsApi;
let orgsApi: v2.OrganizationsApi;
let dealsApi: v2.DealsApi;

beforeAll(async () => {
  emu = await startEmulator('pipedrive', { token: TOKEN });
  const config = new v2.Configuration({ apiKey: TOKEN, basePath: `${emu.url}/api/v2` });
  personsApi = new v2.PersonsApi(config);
  orgsApi = new v2.OrganizationsApi(config);
  dealsApi = new v2.DealsApi(config);
});
afterAll(() => emu.close());

const v1Config = () => new v1.Configuration({ apiKey: TOKEN, basePath: `${emu.url}/api/v1` });

describe('pipedrive SDK v2 against the emulator', () => {
  it('creates, reads, updates and deletes an organization, a person and a deal, linked', async () => {
    const org = await orgsApi.addOrganization({ AddOrganizationRequest: { name: 'Harbour Lights Ltd', address: { value: '1 Quay Street' } } });
    expect(org.success).toBe(true);
    expect(org.data).toMatchObject({ name: 'Harbour Lights Ltd', is_deleted: false, address: { value: '1 Quay Street' } });
    const orgId = org.data!.id!;

    const person = await personsApi.addPerson({
      AddPersonRequest: { name: 'Ada Lovelace', org_id: orgId, emails: [{ value: 'ada@example.com', primary: true, label: 'work' }], phones: [{ value: '+44 117 496 0000' }] },
    });
    const personId = person.data!.id!;
    expect(person.data).toMatchObject({ name: 'Ada Lovelace', first_name: 'Ada', last_name: 'Lovelace', org_id: orgId, owner_id: 1 });
    expect(person.data!.emails).toEqual([{ value: 'ada@example.com', primary: true, label: 'work' }]);
    expect(person.data!.phones![0]).toMatchObject({ value: '+44 117 496 0000', primary: true });
    expect(person.data!.add_time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);

    const deal = await dealsApi.addDeal({ AddDealRequest: { title: 'Weekend Pass', value: 240, currency: 'EUR', person_id: personId, org_id: orgId } });
    const dealId = deal.data!.id!;
    expect(deal.data).toMatchObject({ title: 'Weekend Pass', value: 240, currency: 'EUR', status: 'open', person_id: personId, org_id: orgId, pipeline_id: 1, stage_id: 1 });

    const updated = await personsApi.updatePerson({ id: personId, UpdatePersonRequest: { name: 'Ada King', phones: [{ value: '+44 7700 900000', label: 'mobile', primary: true }] } });
    expect(updated.data).toMatchObject({ name: 'Ada King', last_name: 'King' });
    expect((await personsApi.getPerson({ id: personId })).data!.phones).toEqual([{ value: '+44 7700 900000', label: 'mobile', primary: true }]);

    const won = await dealsApi.updateDeal({ id: dealId, UpdateDealRequest: { status: 'won' } });
    expect(won.data!.status).toBe('won');
    expect(won.data!.won_time).toBeTruthy();
    expect((await dealsApi.getDeals({ status: 'won' })).data!.map((d) => d.id)).toContain(dealId);

    expect(await dealsApi.deleteDeal({ id: dealId })).toEqual({ success: true, data: { id: dealId } });
    expect(await personsApi.deletePerson({ id: personId })).toEqual({ success: true, data: { id: personId } });
    expect((await personsApi.getPerson({ id: personId })).data!.is_deleted).toBe(true);
    expect((await personsApi.getPersons()).data!.map((p) => p.id)).not.toContain(personId);
    expect((await dealsApi.getDeals({ status: 'deleted' })).data!.map((d) => d.id)).toEqual([dealId]);
    await orgsApi.updateOrganization({ id: orgId, UpdateOrganizationRequest: { name: 'Harbour Lights Group' } });
    expect((await orgsApi.getOrganization({ id: orgId })).data!.name).toBe('Harbour Lights Group');
  });

  it('pages persons with cursor and limit, and pulls changes with updated_since', async () => {
    const before = new Date(Date.now() - 1000).toISOString().slice(0, 19) + 'Z';
    for (let i = 0; i < 5; i++) await personsApi.addPerson({ AddPersonRequest: { name: `Paged ${i}`, emails: [{ value: `paged${i}@example.com` }] } });
    const names: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await personsApi.getPersons({ limit: 2, cursor, updated_since: before, sort_by: 'id', sort_direction: 'asc' });
      names.push(...page.data!.map((p) => p.name!).filter((n) => n.startsWith('Paged')));
      cursor = page.additional_data?.next_cursor ?? undefined;
      pages++;
    } while (cursor);
    expect(names).toEqual(['Paged 0', 'Paged 1', 'Paged 2', 'Paged 3', 'Paged 4']);
    expect(pages).toBeGreaterThanOrEqual(3);
  });

  it('finds a person by email with searchPersons and itemSearch', async () => {
    const created = await personsApi.addPerson({ AddPersonRequest: { name: 'Grace Hopper', emails: [{ value: 'grace@example.com' }] } });
    const found = await personsApi.searchPersons({ term: 'grace@example.com', fields: 'email', exact_match: true });
    expect(found.data!.items).toHaveLength(1);
    expect(found.data!.items![0].item).toMatchObject({ id: created.data!.id, type: 'person', name: 'Grace Hopper', emails: ['grace@example.com'] });
    const none = await personsApi.searchPersons({ term: 'nobody@example.com', fields: 'email', exact_match: true });
    expect(none.data!.items).toEqual([]);
    const items = await new v2.ItemSearchApi(new v2.Configuration({ apiKey: TOKEN, basePath: `${emu.url}/api/v2` })).searchItem({ term: 'grace', item_types: 'person' });
    expect(items.data!.items!.map((i) => (i.item as { id: number }).id)).toContain(created.data!.id);
  });

  it('describes person fields, custom ones with 40-character keys, and writes custom values', async () => {
    const fields = await new v2.PersonFieldsApi(new v2.Configuration({ apiKey: TOKEN, basePath: `${emu.url}/api/v2` })).getPersonFields({ limit: 100 });
    const buyerId = fields.data!.find((f) => f.field_name === 'Ticket Buyer ID')!;
    expect(buyerId).toMatchObject({ is_custom_field: true, field_type: 'varchar' });
    expect(buyerId.field_code).toMatch(/^[0-9a-f]{40}$/);
    const segment = fields.data!.find((f) => f.field_name === 'Buyer Segment')!;
    const vip = segment.options!.find((o) => o.label === 'VIP')!.id as number;
    const person = await personsApi.addPerson({ AddPersonRequest: { name: 'Custom Carol', custom_fields: { [buyerId.field_code]: 'TB-42', [segment.field_code]: vip } } });
    expect(person.data!.custom_fields).toEqual({ [buyerId.field_code]: 'TB-42', [segment.field_code]: vip });

    const v1Fields = await new v1.PersonFieldsApi(v1Config()).getPersonFields({ limit: 500 });
    expect(v1Fields.data.find((f) => f.key === buyerId.field_code)).toMatchObject({ name: 'Ticket Buyer ID', edit_flag: true });
    // The SDK's generated type puts start/limit flat in additional_data; live answers (and this
    // emulator) nest them in additional_data.pagination like every other v1 list.
    const pagination = (v1Fields.additional_data as { pagination?: { more_items_in_collection: boolean } }).pagination;
    expect(pagination?.more_items_in_collection).toBe(false);
  });

  it('surfaces API errors as the SDK rejects them: the Pipedrive error body', async () => {
    await expect(personsApi.getPerson({ id: 987654 })).rejects.toMatchObject({ success: false, error: 'Person not found' });
    await expect(personsApi.addPerson({ AddPersonRequest: { emails: [{ value: 'no-name@example.com' }] } })).rejects.toMatchObject({
      success: false,
      error: 'Name must be given.',
      code: 'ERR_SCHEMA_VALIDATION_FAILED',
    });
    const badToken = new v2.PersonsApi(new v2.Configuration({ apiKey: 'wrong', basePath: `${emu.url}/api/v2` }));
    await expect(badToken.getPersons()).rejects.toEqual({ success: false, error: 'unauthorized access', errorCode: 401, error_info: 'Please check developers.pipedrive.com' });
  });

  it('reads the connected user and company, and recent changes, through the v1 SDK', async () => {
    const me = await new v1.UsersApi(v1Config()).getCurrentUser();
    expect(me.data).toMatchObject({ id: 1, is_you: true, company_domain: 'emulator-events', company_id: 1001 });
    const since = new Date(Date.now() - 60_000).toISOString().slice(0, 19).replace('T', ' ');
    const recents = await new v1.RecentsApi(v1Config()).getRecents({ since_timestamp: since, items: 'person', limit: 500 });
    expect(recents.data!.length).toBeGreaterThan(0);
    expect(recents.data!.every((r) => (r.item as string) === 'person')).toBe(true);
    expect(recents.additional_data!.since_timestamp).toBe(since);
  });
});
