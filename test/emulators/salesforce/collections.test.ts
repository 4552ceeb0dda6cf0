import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, create, startSalesforce, type Json, type SfTestEmulator } from './testkit';

let emu: SfTestEmulator;
beforeAll(async () => {
  emu = await startSalesforce();
});
afterAll(() => emu.close());

const contacts = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => ({ attributes: { type: 'Contact' }, LastName: `${prefix}${i}` }));
const countOf = async (prefix: string) => emu.backend.records('Contact')!.filter((r) => String((r as Json).LastName).startsWith(prefix)).length;

describe('sObject collections', () => {
  it('rejects more than 200 records with EXCEEDED_ID_LIMIT and writes nothing', async () => {
    const res = await call(emu, 'POST', '/composite/sobjects', { records: contacts(201, 'Over') });
    expect(res.status).toBe(400);
    expect(res.body).toEqual([{ message: 'record limit reached. cannot submit more than 200 records into this call', errorCode: 'EXCEEDED_ID_LIMIT' }]);
    expect(await countOf('Over')).toBe(0);
    expect((await call(emu, 'PATCH', '/composite/sobjects/Contact/Ticket_Buyer_Id__c', { records: contacts(201, 'Over') })).status).toBe(400);
    const ids = Array.from({ length: 201 }, () => '003Em0000000001').join(',');
    expect((await call(emu, 'DELETE', `/composite/sobjects?ids=${ids}`)).body[0].errorCode).toBe('EXCEEDED_ID_LIMIT');
  });

  it('accepts exactly 200 and answers one result per record, in order', async () => {
    const res = await call(emu, 'POST', '/composite/sobjects', { records: contacts(200, 'Max') });
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(200);
    const stored = emu.backend.records('Contact')!.filter((r) => String((r as Json).LastName).startsWith('Max')) as Json[];
    expect(res.body.map((r: Json) => r.id)).toEqual(stored.map((r) => r.Id));
  });

  it('keeps going past failures unless allOrNone, with per-record errors', async () => {
    const records = [{ attributes: { type: 'Contact' }, LastName: 'PartA' }, { attributes: { type: 'Contact' }, FirstName: 'Nope' }, { attributes: { type: 'Account' }, Name: 'PartCo' }];
    const res = await call(emu, 'POST', '/composite/sobjects', { allOrNone: false, records });
    expect(res.body[0]).toEqual({ id: expect.stringMatching(/^003/), success: true, errors: [] });
    expect(res.body[1]).toEqual({ success: false, errors: [{ statusCode: 'REQUIRED_FIELD_MISSING', message: 'Required fields are missing: [LastName]', fields: ['LastName'] }] });
    expect(res.body[2].id).toMatch(/^001/);
  });

  it('rolls everything back with allOrNone and marks the valid records ALL_OR_NONE_OPERATION_ROLLED_BACK', async () => {
    const records = [{ attributes: { type: 'Contact' }, LastName: 'AonA' }, { attributes: { type: 'Contact' }, LastName: 'x'.repeat(81) }, { attributes: { type: 'Contact' }, LastName: 'AonC' }];
    const res = await call(emu, 'POST', '/composite/sobjects', { allOrNone: true, records });
    expect(res.body.map((r: Json) => r.success)).toEqual([false, false, false]);
    expect(res.body[0].errors[0].statusCode).toBe('ALL_OR_NONE_OPERATION_ROLLED_BACK');
    expect(res.body[1].errors[0].statusCode).toBe('STRING_TOO_LONG');
    expect(res.body[2].errors[0].statusCode).toBe('ALL_OR_NONE_OPERATION_ROLLED_BACK');
    expect(await countOf('Aon')).toBe(0);
  });

  it('updates by id and reports bad ids per record', async () => {
    const id = await create(emu, 'Contact', { LastName: 'Upd' });
    const res = await call(emu, 'PATCH', '/composite/sobjects', {
      records: [
        { attributes: { type: 'Contact' }, id, Title: 'CEO' },
        { attributes: { type: 'Contact' }, Title: 'No id' },
        { attributes: { type: 'Contact' }, Id: '003Em00000zzzzz', Title: 'Ghost' },
      ],
    });
    expect(res.body[0]).toEqual({ id, success: true, errors: [] });
    expect(res.body[1].errors[0].statusCode).toBe('MISSING_ARGUMENT');
    expect(res.body[2].errors[0].statusCode).toBe('INVALID_CROSS_REFERENCE_KEY');
    expect((await call(emu, 'GET', `/sobjects/Contact/${id}`)).body.Title).toBe('CEO');
  });

  it('upserts on an external id with created flags and DUPLICATE_VALUE inside the batch', async () => {
    await create(emu, 'Contact', { LastName: 'Existing', Ticket_Buyer_Id__c: 'U-1' });
    const res = await call(emu, 'PATCH', '/composite/sobjects/Contact/Ticket_Buyer_Id__c', {
      records: [
        { attributes: { type: 'Contact' }, Ticket_Buyer_Id__c: 'U-1', LastName: 'Existing2' },
        { attributes: { type: 'Contact' }, Ticket_Buyer_Id__c: 'U-2', LastName: 'New' },
        { attributes: { type: 'Contact' }, LastName: 'NoKey' },
      ],
    });
    expect(res.body.map((r: Json) => [r.success, r.created])).toEqual([[true, false], [true, true], [false, false]]);
    expect(res.body[2].errors[0].statusCode).toBe('MISSING_ARGUMENT');
  });

  it('retrieves by ids (null for missing) and deletes by ids', async () => {
    const a = await create(emu, 'Contact', { LastName: 'GetA' });
    const b = await create(emu, 'Contact', { LastName: 'GetB' });
    const got = await call(emu, 'GET', `/composite/sobjects/Contact?ids=${a},003Em00000zzzzz,${b}&fields=LastName`);
    expect(got.body.map((r: Json) => r?.LastName ?? null)).toEqual(['GetA', null, 'GetB']);
    const del = await call(emu, 'DELETE', `/composite/sobjects?ids=${a},${b},${a}`);
    expect(del.body.map((r: Json) => r.success)).toEqual([true, true, false]);
    expect(del.body[2]).toMatchObject({ id: a, errors: [{ statusCode: 'ENTITY_IS_DELETED' }] });
  });
});
