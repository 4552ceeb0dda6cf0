import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { call, create, startSalesforce, type Json, type SfTestEmulator } from './testkit';

let emu: SfTestEmulator;
beforeAll(async () => {
  emu = await startSalesforce();
});
afterAll(() => emu.close());

const csvRows = (text: string) => parse(text, { columns: true }) as Record<string, string>[];

async function openJob(body: Record<string, unknown>): Promise<string> {
  const res = await call(emu, 'POST', '/jobs/ingest', { contentType: 'CSV', lineEnding: 'LF', ...body });
  expect(res.status).toBe(200);
  expect(res.body.state).toBe('Open');
  return res.body.id;
}

/** Uploads, closes and polls until the job settles; returns every state seen. */
async function runJob(id: string, csv: string): Promise<string[]> {
  expect((await call(emu, 'PUT', `/jobs/ingest/${id}/batches`, csv)).status).toBe(201);
  const closed = await call(emu, 'PATCH', `/jobs/ingest/${id}`, { state: 'UploadComplete' });
  const states = [closed.body.state];
  while (!['JobComplete', 'Failed', 'Aborted'].includes(states[states.length - 1])) {
    states.push((await call(emu, 'GET', `/jobs/ingest/${id}`)).body.state);
  }
  return states;
}

const results = async (id: string, kind: string) => {
  const res = await call(emu, 'GET', `/jobs/ingest/${id}/${kind}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/csv');
  return csvRows(res.text);
};

describe('Bulk API 2.0 ingest', () => {
  it('runs an insert job through UploadComplete → InProgress → JobComplete with result CSVs', async () => {
    const id = await openJob({ object: 'Contact', operation: 'insert' });
    const states = await runJob(id, 'FirstName,LastName,Email,Birthdate\nAda,Lovelace,ada@x.test,1815-12-10\nNo,,no@x.test,\n"Quote, Inc",O\'Hara,q@x.test,#N/A\n');
    expect(states).toEqual(['UploadComplete', 'InProgress', 'JobComplete']);
    const info = (await call(emu, 'GET', `/jobs/ingest/${id}`)).body;
    expect(info).toMatchObject({ id, object: 'Contact', operation: 'insert', jobType: 'V2Ingest', numberRecordsProcessed: 3, numberRecordsFailed: 1, contentType: 'CSV', apiVersion: 60 });
    const ok = await results(id, 'successfulResults');
    expect(ok.map((r) => [r.sf__Created, r.LastName, r.FirstName])).toEqual([['true', 'Lovelace', 'Ada'], ['true', "O'Hara", 'Quote, Inc']]);
    const stored = (await call(emu, 'GET', `/sobjects/Contact/${ok[0].sf__Id}`)).body;
    expect(stored).toMatchObject({ Name: 'Ada Lovelace', Birthdate: '1815-12-10' });
    const failed = await results(id, 'failedResults');
    expect(failed).toHaveLength(1);
    expect(failed[0].sf__Error).toBe('REQUIRED_FIELD_MISSING:Required fields are missing: [LastName]:LastName --');
    expect(failed[0].Email).toBe('no@x.test');
    expect(await results(id, 'unprocessedrecords')).toEqual([]);
  });

  it('updates (empty cell = unchanged, #N/A = null), upserts and deletes', async () => {
    const a = await create(emu, 'Contact', { LastName: 'Up', Title: 'Keep', Phone: '123', Ticket_Buyer_Id__c: 'BK-1' });
    const upd = await openJob({ object: 'Contact', operation: 'update' });
    await runJob(upd, `Id,Title,Phone\n${a},,#N/A\n`);
    expect((await results(upd, 'successfulResults'))[0].sf__Created).toBe('false');
    expect((await call(emu, 'GET', `/sobjects/Contact/${a}`)).body).toMatchObject({ Title: 'Keep', Phone: null });

    const ups = await openJob({ object: 'Contact', operation: 'upsert', externalIdFieldName: 'Ticket_Buyer_Id__c' });
    await runJob(ups, 'Ticket_Buyer_Id__c,LastName\nBK-1,Upserted\nBK-2,Fresh\n');
    expect((await results(ups, 'successfulResults')).map((r) => [r.sf__Id === a, r.sf__Created])).toEqual([[true, 'false'], [false, 'true']]);

    const del = await openJob({ object: 'Contact', operation: 'delete' });
    await runJob(del, `Id\n${a}\n003Em00000zzzzz\n`);
    expect((await results(del, 'successfulResults')).map((r) => r.sf__Id)).toEqual([a]);
    expect((await results(del, 'failedResults'))[0].sf__Error).toMatch(/^INVALID_CROSS_REFERENCE_KEY:/);
    expect((await call(emu, 'GET', `/sobjects/Contact/${a}`)).body[0].errorCode).toBe('ENTITY_IS_DELETED');
  });

  it('resolves parent references by external id in Parent.Field columns', async () => {
    await create(emu, 'Account', { Name: 'Bulk Parent', Ticket_Org_Id__c: 'ORG-B' });
    const id = await openJob({ object: 'Contact', operation: 'insert' });
    await runJob(id, 'LastName,Account.Ticket_Org_Id__c\nKid,ORG-B\n');
    const ok = await results(id, 'successfulResults');
    const kid = (await call(emu, 'GET', `/sobjects/Contact/${ok[0].sf__Id}`)).body;
    expect((await call(emu, 'GET', `/sobjects/Account/${kid.AccountId}`)).body.Name).toBe('Bulk Parent');
  });

  it('fails the job on an unknown column, with every row unprocessed', async () => {
    const id = await openJob({ object: 'Contact', operation: 'insert' });
    const states = await runJob(id, 'LastName,Shoe_Size__c\nA,9\n');
    expect(states[states.length - 1]).toBe('Failed');
    expect((await call(emu, 'GET', `/jobs/ingest/${id}`)).body.errorMessage).toBe('InvalidBatch : Field name not found : Shoe_Size__c');
    expect(await results(id, 'unprocessedrecords')).toEqual([{ LastName: 'A', Shoe_Size__c: '9' }]);
  });

  it('processes nothing before UploadComplete; an aborted job leaves its rows unprocessed', async () => {
    const id = await openJob({ object: 'Lead', operation: 'insert' });
    await call(emu, 'PUT', `/jobs/ingest/${id}/batches`, 'LastName,Company\nL,C\n');
    expect((await call(emu, 'GET', `/jobs/ingest/${id}`)).body).toMatchObject({ state: 'Open', numberRecordsProcessed: 0 });
    expect(emu.backend.records('Lead')).toEqual([]);
    expect((await call(emu, 'PATCH', `/jobs/ingest/${id}`, { state: 'Aborted' })).body.state).toBe('Aborted');
    expect(await results(id, 'unprocessedrecords')).toEqual([{ LastName: 'L', Company: 'C' }]);
    expect(emu.backend.records('Lead')).toEqual([]);
    const late = await call(emu, 'PUT', `/jobs/ingest/${id}/batches`, 'LastName,Company\nX,Y\n');
    expect(late.status).toBe(409);
    expect(late.body[0].errorCode).toBe('INVALIDJOBSTATE');
  });

  it('validates job creation and lists and deletes jobs', async () => {
    expect((await call(emu, 'POST', '/jobs/ingest', { object: 'Nope__c', operation: 'insert' })).body[0].errorCode).toBe('INVALIDJOB');
    expect((await call(emu, 'POST', '/jobs/ingest', { object: 'Contact', operation: 'upsert' })).body[0].message).toContain('External ID was blank');
    const id = await openJob({ object: 'Contact', operation: 'insert' });
    expect((await call(emu, 'GET', '/jobs/ingest')).body.records.map((j: Json) => j.id)).toContain(id);
    await runJob(id, 'LastName\nZ\n');
    expect((await call(emu, 'DELETE', `/jobs/ingest/${id}`)).status).toBe(204);
    expect((await call(emu, 'GET', `/jobs/ingest/${id}`)).status).toBe(404);
  });
});
