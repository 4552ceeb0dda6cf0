import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, create, soql, startSalesforce, type SfTestEmulator } from './testkit';

let emu: SfTestEmulator;
beforeAll(async () => {
  emu = await startSalesforce();
});
afterAll(() => emu.close());

/** The single error of a failed REST call: status, then `{ message, errorCode, fields? }`. */
async function restError(method: string, path: string, body?: unknown) {
  const res = await call(emu, method, path, body);
  expect(Array.isArray(res.body)).toBe(true);
  expect(res.body).toHaveLength(1);
  return { status: res.status, ...(res.body[0] as { message: string; errorCode: string; fields?: string[] }) };
}

describe('Salesforce validation errors (status, errorCode, message, fields)', () => {
  it('REQUIRED_FIELD_MISSING lists every missing required field', async () => {
    expect(await restError('POST', '/sobjects/Contact', { FirstName: 'No' })).toEqual({
      status: 400, errorCode: 'REQUIRED_FIELD_MISSING', message: 'Required fields are missing: [LastName]', fields: ['LastName'],
    });
    expect((await restError('POST', '/sobjects/Account', { Phone: '1' })).fields).toEqual(['Name']);
    const opp = await restError('POST', '/sobjects/Opportunity', { Amount: 5 });
    expect(opp.errorCode).toBe('REQUIRED_FIELD_MISSING');
    expect(opp.fields).toEqual(['Name', 'StageName', 'CloseDate']);
    const id = await create(emu, 'Contact', { LastName: 'Keep' });
    const cleared = await restError('PATCH', `/sobjects/Contact/${id}`, { LastName: null });
    expect(cleared.errorCode).toBe('REQUIRED_FIELD_MISSING');
  });

  it('FIELD_INTEGRITY_EXCEPTION for a reference to the wrong object type; MALFORMED_ID and INVALID_CROSS_REFERENCE_KEY for bad ids', async () => {
    const contactId = await create(emu, 'Contact', { LastName: 'NotAnAccount' });
    const wrongType = await restError('POST', '/sobjects/Contact', { LastName: 'X', AccountId: contactId });
    expect(wrongType).toEqual({ status: 400, errorCode: 'FIELD_INTEGRITY_EXCEPTION', message: `Account ID: id value of incorrect type: ${contactId}`, fields: ['AccountId'] });
    expect((await restError('POST', '/sobjects/Contact', { LastName: 'X', AccountId: 'nonsense' })).errorCode).toBe('MALFORMED_ID');
    expect((await restError('POST', '/sobjects/Contact', { LastName: 'X', AccountId: '001Em00000zzzzz' })).errorCode).toBe('INVALID_CROSS_REFERENCE_KEY');
  });

  it('INVALID_FIELD for an unknown field, INVALID_FIELD_FOR_INSERT_UPDATE for a formula field', async () => {
    expect(await restError('POST', '/sobjects/Contact', { LastName: 'X', Shoe_Size__c: 9 })).toEqual({
      status: 400, errorCode: 'INVALID_FIELD', message: "No such column 'Shoe_Size__c' on sobject of type Contact", fields: [],
    });
    const ro = await restError('POST', '/sobjects/Contact', { LastName: 'X', Full_Name__c: 'Nope' });
    expect(ro.errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
    expect(ro.fields).toEqual(['Full_Name__c']);
  });

  it('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST for a value outside a restricted picklist, but not for an open one', async () => {
    expect(await restError('POST', '/sobjects/Lead', { LastName: 'L', Company: 'C', Status: 'Hot Prospect' })).toEqual({
      status: 400, errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', message: 'Lead Status: bad value for restricted picklist field: Hot Prospect', fields: ['Status'],
    });
    const stage = await restError('POST', '/sobjects/Opportunity', { Name: 'O', StageName: 'Dreaming', CloseDate: '2025-01-01' });
    expect(stage.errorCode).toBe('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
    expect((await call(emu, 'POST', '/sobjects/Contact', { LastName: 'Open', LeadSource: 'Carrier pigeon' })).status).toBe(201);
  });

  it('STRING_TOO_LONG past the field length', async () => {
    const long = 'x'.repeat(81);
    expect(await restError('POST', '/sobjects/Contact', { LastName: long })).toEqual({
      status: 400, errorCode: 'STRING_TOO_LONG', message: `Last Name: data value too large: ${long} (max length=80)`, fields: ['LastName'],
    });
  });

  it('DUPLICATE_VALUE on a unique external id (case-insensitive) and on a second campaign membership', async () => {
    const first = await create(emu, 'Contact', { LastName: 'A', Ticket_Buyer_Id__c: 'TB-77' });
    const dup = await restError('POST', '/sobjects/Contact', { LastName: 'B', Ticket_Buyer_Id__c: 'tb-77' });
    expect(dup.errorCode).toBe('DUPLICATE_VALUE');
    expect(dup.message).toBe(`duplicate value found: Ticket_Buyer_Id__c duplicates value on record with id: ${first}`);
    const campaign = await create(emu, 'Campaign', { Name: 'Gala' });
    await create(emu, 'CampaignMember', { CampaignId: campaign, ContactId: first });
    expect(await restError('POST', '/sobjects/CampaignMember', { CampaignId: campaign, ContactId: first })).toEqual({
      status: 400, errorCode: 'DUPLICATE_VALUE', message: 'Already a campaign member.', fields: [],
    });
  });

  it('INVALID_EMAIL_ADDRESS, NUMBER_OUTSIDE_VALID_RANGE and JSON_PARSER_ERROR for bad values', async () => {
    expect((await restError('POST', '/sobjects/Contact', { LastName: 'X', Email: 'not-an-email' })).errorCode).toBe('INVALID_EMAIL_ADDRESS');
    expect((await restError('POST', '/sobjects/Contact', { LastName: 'X', Total_Spent__c: 1e15 })).errorCode).toBe('NUMBER_OUTSIDE_VALID_RANGE');
    expect((await restError('POST', '/sobjects/Contact', { LastName: 'X', Birthdate: 'yesterday-ish' })).errorCode).toBe('JSON_PARSER_ERROR');
    expect((await restError('POST', '/sobjects/Contact', '{"LastName": ')).errorCode).toBe('JSON_PARSER_ERROR');
  });

  it('MALFORMED_QUERY, INVALID_TYPE and INVALID_FIELD from SOQL', async () => {
    const malformed = await soql(emu, 'SELECT Id FROM');
    expect(malformed.status).toBe(400);
    expect(malformed.body[0].errorCode).toBe('MALFORMED_QUERY');
    const mixed = await soql(emu, "SELECT Id FROM Contact WHERE LastName = 'a' AND FirstName = 'b' OR Email = null");
    expect(mixed.body[0].errorCode).toBe('MALFORMED_QUERY');
    const type = await soql(emu, 'SELECT Id FROM Nope__c');
    expect(type.body[0].errorCode).toBe('INVALID_TYPE');
    expect(type.body[0].message).toContain("sObject type 'Nope__c' is not supported.");
    const field = await soql(emu, 'SELECT Id, Nope__c FROM Contact');
    expect(field.body[0].errorCode).toBe('INVALID_FIELD');
    expect(field.body[0].message).toContain("No such column 'Nope__c' on entity 'Contact'");
    expect(field.body[0].message).toMatch(/ERROR at Row:1:Column:12/);
    const quoted = await soql(emu, "SELECT Id FROM Contact WHERE Total_Tickets__c = '3'");
    expect(quoted.body[0].errorCode).toBe('INVALID_FIELD');
    const badId = await soql(emu, "SELECT Id FROM Contact WHERE AccountId = 'xyz'");
    expect(badId.body[0].errorCode).toBe('INVALID_QUERY_FILTER_OPERATOR');
  });

  it('NOT_FOUND for unknown ids, objects and external id fields; ENTITY_IS_DELETED for deleted records', async () => {
    expect(await restError('GET', '/sobjects/Contact/003Em00000zzzzz')).toEqual({ status: 404, errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' });
    expect((await restError('POST', '/sobjects/Nope__c', { Name: 'x' })).status).toBe(404);
    const ext = await restError('GET', '/sobjects/Contact/not-an-id');
    expect(ext).toEqual({ status: 404, errorCode: 'NOT_FOUND', message: 'Provided external ID field does not exist or is not accessible: not-an-id' });
    const id = await create(emu, 'Contact', { LastName: 'Gone' });
    expect((await call(emu, 'DELETE', `/sobjects/Contact/${id}`)).status).toBe(204);
    expect(await restError('PATCH', `/sobjects/Contact/${id}`, { LastName: 'Back' })).toEqual({ status: 404, errorCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] });
    expect((await restError('DELETE', `/sobjects/Contact/${id}`)).errorCode).toBe('ENTITY_IS_DELETED');
    expect((await restError('POST', '/sobjects/Contact', { LastName: 'Orphan', AccountId: await deletedAccount() })).errorCode).toBe('ENTITY_IS_DELETED');
  });

  it('NOT_FOUND for unknown resources and METHOD_NOT_ALLOWED for wrong methods, in the array shape', async () => {
    expect(await restError('GET', '/no/such/resource')).toEqual({ status: 404, errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' });
    const put = await restError('PUT', '/sobjects/Contact/003Em00000zzzzz', { LastName: 'x' });
    expect(put.status).toBe(405);
    expect(put.errorCode).toBe('METHOD_NOT_ALLOWED');
    expect(put.message).toBe("HTTP Method 'PUT' not allowed. Allowed are GET,PATCH,DELETE");
  });

  it('NOT_FOUND for an API version that does not exist', async () => {
    const res = await fetch(`${emu.url}/services/data/v99.0/sobjects`, { headers: { authorization: 'Bearer test-static-session' } });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { errorCode: string }[])[0].errorCode).toBe('NOT_FOUND');
  });
});

async function deletedAccount(): Promise<string> {
  const id = await create(emu, 'Account', { Name: 'Deleted Co' });
  await call(emu, 'DELETE', `/sobjects/Account/${id}`);
  return id;
}
