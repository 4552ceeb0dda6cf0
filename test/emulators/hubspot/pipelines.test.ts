import { afterEach, describe, expect, it } from 'vitest';
import { oauthTokens, startHub, type TestHub } from './test-helpers';

let hub: TestHub;
afterEach(async () => hub?.close());

const createDeal = (properties: Record<string, string>) => hub.call('POST', '/crm/v3/objects/deals', { properties });

describe('deal pipelines', () => {
  it('lists the Sales Pipeline with its stages, probabilities and closed flags, then the Events pipeline', async () => {
    hub = await startHub();
    const res = await hub.call('GET', '/crm/v3/pipelines/deals');
    expect(res.status).toBe(200);
    const [sales, events] = res.body.results as unknown as Array<{ id: string; label: string; stages: Array<{ id: string; label: string; metadata: Record<string, string> }> }>;
    expect(sales).toMatchObject({ id: 'default', label: 'Sales Pipeline', displayOrder: 0, archived: false });
    expect(sales.stages.map((s) => s.id)).toEqual([
      'appointmentscheduled',
      'qualifiedtobuy',
      'presentationscheduled',
      'decisionmakerboughtin',
      'contractsent',
      'closedwon',
      'closedlost',
    ]);
    expect(sales.stages[0].metadata).toEqual({ isClosed: 'false', probability: '0.2' });
    expect(sales.stages.find((s) => s.id === 'closedwon')!.metadata).toEqual({ isClosed: 'true', probability: '1.0' });
    expect(sales.stages.find((s) => s.id === 'closedlost')!.metadata).toEqual({ isClosed: 'true', probability: '0.0' });
    expect(events.label).toBe('Events');
    const closed = events.stages.filter((s) => s.metadata.isClosed === 'true').map((s) => s.metadata.probability);
    expect(closed.sort()).toEqual(['0.0', '1.0']);
  });

  it('reads one pipeline, its stages and one stage; unknown ids are 404', async () => {
    hub = await startHub();
    const all = await hub.call('GET', '/crm/v3/pipelines/deals');
    const eventsId = all.body.results[1].id;
    expect((await hub.call('GET', `/crm/v3/pipelines/deals/${eventsId}`)).body.label).toBe('Events');
    const stages = await hub.call('GET', `/crm/v3/pipelines/0-3/${eventsId}/stages`);
    expect(stages.body.results).toHaveLength(3);
    const one = await hub.call('GET', '/crm/v3/pipelines/deals/default/stages/contractsent');
    expect(one.body).toMatchObject({ id: 'contractsent', label: 'Contract Sent', metadata: { probability: '0.9' } });
    const missing = await hub.call('GET', '/crm/v3/pipelines/deals/nosuch');
    expect(missing.status).toBe(404);
    expect(missing.body.category).toBe('OBJECT_NOT_FOUND');
    expect((await hub.call('GET', '/crm/v3/pipelines/deals/default/stages/nosuch')).status).toBe(404);
    expect((await hub.call('GET', '/crm/v3/pipelines/contacts')).status).toBe(400);
  });

  it('needs the deals read scope from OAuth tokens', async () => {
    hub = await startHub();
    const contactsOnly = await oauthTokens(hub);
    const refused = await hub.call('GET', '/crm/v3/pipelines/deals', undefined, { authorization: `Bearer ${contactsOnly.access_token}` });
    expect(refused.status).toBe(403);
    expect(refused.body.category).toBe('MISSING_SCOPES');
    const deals = await oauthTokens(hub, 'crm.objects.deals.read');
    expect((await hub.call('GET', '/crm/v3/pipelines/deals', undefined, { authorization: `Bearer ${deals.access_token}` })).status).toBe(200);
  });

  it('offers every pipeline and every stage as property options', async () => {
    hub = await startHub();
    const pipeline = await hub.call('GET', '/crm/v3/properties/deals/pipeline');
    expect(pipeline.body.options.map((o) => o.label)).toEqual(['Sales Pipeline', 'Events']);
    const stage = await hub.call('GET', '/crm/v3/properties/deals/dealstage');
    expect(stage.body.options.map((o) => o.value)).toContain('closedlost');
    expect(stage.body.options).toHaveLength(10);
  });
});

describe('deal stage within its pipeline', () => {
  it('accepts a stage of the deal pipeline and of the default pipeline when none is given', async () => {
    hub = await startHub();
    const eventsId = (await hub.call('GET', '/crm/v3/pipelines/deals')).body.results[1].id;
    const wonStage = (await hub.call('GET', `/crm/v3/pipelines/deals/${eventsId}/stages`)).body.results[1].id;
    const ok = await createDeal({ dealname: 'Gala', pipeline: eventsId, dealstage: wonStage });
    expect(ok.status).toBe(201);
    expect(ok.body.properties).toMatchObject({ pipeline: eventsId, dealstage: wonStage });
    const plain = await createDeal({ dealname: 'Plain', dealstage: 'closedlost' });
    expect(plain.status).toBe(201);
    expect(plain.body.properties.pipeline).toBe('default');
  });

  it('refuses a stage of another pipeline with VALIDATION_ERROR, on create, update, batch and upsert', async () => {
    hub = await startHub();
    const eventsId = (await hub.call('GET', '/crm/v3/pipelines/deals')).body.results[1].id;
    const created = await createDeal({ dealname: 'Wrong', pipeline: eventsId, dealstage: 'closedlost' });
    expect(created.status).toBe(400);
    expect(created.body.category).toBe('VALIDATION_ERROR');
    expect(created.body.errors[0]).toMatchObject({ code: 'INVALID_OPTION', context: { propertyName: ['dealstage'] } });

    const deal = await createDeal({ dealname: 'Right', dealstage: 'contractsent' });
    const moved = await hub.call('PATCH', `/crm/v3/objects/deals/${deal.body.id}`, { properties: { pipeline: eventsId } });
    expect(moved.status).toBe(400);
    const batch = await hub.call('POST', '/crm/v3/objects/deals/batch/update', { inputs: [{ id: deal.body.id, properties: { pipeline: eventsId } }] });
    expect(batch.status).toBe(400);
    const batchCreate = await hub.call('POST', '/crm/v3/objects/deals/batch/create', {
      inputs: [{ properties: { dealname: 'A', dealstage: 'closedwon' } }, { properties: { dealname: 'B', pipeline: eventsId, dealstage: 'closedwon' } }],
    });
    expect(batchCreate.status).toBe(400);
    const upsert = await hub.call('POST', '/crm/v3/objects/deals/batch/upsert', {
      inputs: [{ id: deal.body.id, idProperty: 'hs_object_id', properties: { pipeline: eventsId } }],
    });
    expect(upsert.status).toBe(400);
    const deals = await hub.call('GET', '/__admin/records/deals');
    expect((deals.body as unknown as unknown[]).length).toBe(1);
    expect((await hub.call('GET', `/crm/v3/objects/deals/${deal.body.id}`)).body.properties.pipeline).toBe('default');
  });

  it('moves a deal to another pipeline when the stage moves with it', async () => {
    hub = await startHub();
    const eventsId = (await hub.call('GET', '/crm/v3/pipelines/deals')).body.results[1].id;
    const lost = (await hub.call('GET', `/crm/v3/pipelines/deals/${eventsId}/stages`)).body.results[2].id;
    const deal = await createDeal({ dealname: 'Move', dealstage: 'appointmentscheduled' });
    const moved = await hub.call('PATCH', `/crm/v3/objects/deals/${deal.body.id}`, { properties: { pipeline: eventsId, dealstage: lost } });
    expect(moved.status).toBe(200);
    expect(moved.body.properties).toMatchObject({ pipeline: eventsId, dealstage: lost });
  });

  it('refuses a seed whose deal stage is not in its pipeline', async () => {
    await expect(
      startHub({ seed: { records: { deals: [{ properties: { dealname: 'X', pipeline: '75318642', dealstage: 'contractsent' } }] } } }),
    ).rejects.toThrow(/records\.deals\[0\].*dealstage/);
  });
});
