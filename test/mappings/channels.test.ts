import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../main/ipc/handlers';
import { createDispatcher, type Dispatch } from '../../main/ipc/dispatcher';
import type { Envelope } from '../../shared/ipc/api';
import type { MappingExportResult, MappingImportResult, MappingObjects, MappingState, ObjectMappingDraft, PreviewResult, SaveResult } from '../../shared/ipc/channels/mappings';
import { connectedApp, seedPeople, type MappingTestApp } from './helpers';

const data = <T>(res: Envelope): T => {
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
  return res.data as T;
};

/** Every mappings channel through the dispatcher, responses checked against their schemas. */
describe('mappings over the IPC contract (Salesforce emulator)', () => {
  let app: MappingTestApp;
  let dispatch: Dispatch;
  let conn: string;

  beforeAll(async () => {
    app = await connectedApp('salesforce');
    conn = app.connectionId;
    dispatch = createDispatcher(createHandlers(app.services), app.services.logger, { checkResponses: true });
    seedPeople(app.services.db, [{ email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace', custom: { heard_about: 'Newsletter' } }]);
  });
  afterAll(async () => app?.close());

  it('lists objects and answers one object with fields, issues and the local catalogue', async () => {
    const list = data<MappingObjects>(await dispatch('mappings:objects', { connectionId: conn }));
    expect(list.objects.slice(0, 4).map((o) => o.object)).toEqual(['Account', 'Contact', 'Opportunity', 'Lead']);
    expect(list.objects[3]).toMatchObject({ source: 'default', enabled: false });
    const state = data<MappingState>(await dispatch('mappings:get', { connectionId: conn, object: 'Contact' }));
    expect(state).toMatchObject({ object: 'Contact', source: 'default', idField: 'Id', defaultConflictPolicy: 'crm-wins' });
    expect(state.fields.find((f) => f.name === 'Full_Name__c')).toMatchObject({ calculated: true, pushable: false });
    expect(state.fields.find((f) => f.name === 'LastName')).toMatchObject({ required: true, pushable: true, length: 80 });
    expect(state.objects.map((o) => o.name)).toContain('Account');
  });

  it('validates and refuses an invalid draft inline, then saves a valid one and resets it', async () => {
    const state = data<MappingState>(await dispatch('mappings:get', { connectionId: conn, object: 'Contact' }));
    const draft: ObjectMappingDraft = { ...state.mapping!, fields: [...state.mapping!.fields, { crm: 'Full_Name__c', local: 'jobTitle', direction: 'push' }] };
    const { issues } = data<{ issues: SaveResult['issues'] }>(await dispatch('mappings:validate', { connectionId: conn, object: 'Contact', mapping: draft }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'READ_ONLY_FIELD', crmField: 'Full_Name__c', index: draft.fields.length - 1 }));
    const refused = data<SaveResult>(await dispatch('mappings:save', { connectionId: conn, object: 'Contact', mapping: draft }));
    expect(refused.saved).toBe(false);
    expect(refused.message).toMatch(/Full_Name__c/);

    const shape = data<SaveResult>(await dispatch('mappings:save', { connectionId: conn, object: 'Contact', mapping: { ...draft, fields: [{ crm: 'Title', direction: 'sideways' }] } }));
    expect(shape.saved).toBe(false);
    expect(shape.issues[0]).toMatchObject({ code: 'INVALID_MAPPING', crmField: 'Title' });

    const ok = { ...draft, fields: draft.fields.map((f) => (f.crm === 'Full_Name__c' ? { ...f, direction: 'pull' as const } : f)) };
    const saved = data<SaveResult>(await dispatch('mappings:save', { connectionId: conn, object: 'Contact', mapping: ok }));
    expect(saved).toMatchObject({ saved: true, updatedAt: expect.any(String) });
    const list = data<MappingObjects>(await dispatch('mappings:objects', { connectionId: conn }));
    expect(list.objects.find((o) => o.object === 'Contact')).toMatchObject({ source: 'saved', errors: 0 });

    const reset = data<MappingState>(await dispatch('mappings:reset', { connectionId: conn, object: 'Contact' }));
    expect(reset.source).toBe('default');
    expect(reset.mapping!.fields.some((f) => f.crm === 'Full_Name__c')).toBe(false);
  });

  it('previews a record, reports unmapped picklist values and local values', async () => {
    const preview = data<PreviewResult>(await dispatch('mappings:preview', { connectionId: conn, object: 'Contact', search: 'ada' }));
    expect(preview.payload).toMatchObject({ FirstName: 'Ada', LastName: 'Lovelace', Email: 'ada@example.com', Ticket_Buyer_Id__c: 'ada@example.com' });
    expect(preview.match).toEqual({ field: 'Ticket_Buyer_Id__c', value: 'ada@example.com' });

    const state = data<MappingState>(await dispatch('mappings:get', { connectionId: conn, object: 'Contact' }));
    const draft = { ...state.mapping!, fields: [...state.mapping!.fields, { crm: 'LeadSource', local: 'custom.heard_about', direction: 'push' as const }] };
    const unmapped = data<{ values: unknown[]; records: number }>(await dispatch('mappings:unmappedValues', { connectionId: conn, object: 'Contact', mapping: draft }));
    expect(unmapped).toEqual({ values: [{ crmField: 'LeadSource', localField: 'custom.heard_about', value: 'Newsletter', count: 1 }], records: 1 });
    const values = data<{ values: unknown[] }>(await dispatch('mappings:localValues', { localKind: 'person', localField: 'custom.heard_about' }));
    expect(values.values).toEqual([{ value: 'Newsletter', count: 1 }]);
  });

  it('exports as a file the browser downloads and imports it back', async () => {
    const out = data<MappingExportResult>(await dispatch('mappings:export', { connectionId: conn }));
    expect(out).toMatchObject({ saved: false, path: null, fileName: expect.stringMatching(/^mappings-salesforce-.*\.json$/) });
    expect(out.objects).toEqual(['Account', 'Contact', 'Lead', 'Opportunity']);
    const imported = data<MappingImportResult>(await dispatch('mappings:import', { connectionId: conn, content: out.content! }));
    expect(imported).toMatchObject({ imported: true, objects: out.objects });
    const notJson = await dispatch('mappings:import', { connectionId: conn, content: '{ nope' });
    expect(notJson).toMatchObject({ ok: false, error: { code: 'MAPPING', message: expect.stringMatching(/not JSON/) } });
  });

  it('refreshes metadata and answers user-facing errors for unknown objects and connections', async () => {
    const refreshed = data<{ objects: number; message: string }>(await dispatch('mappings:refreshMetadata', { connectionId: conn }));
    expect(refreshed.objects).toBeGreaterThan(4);
    expect(await dispatch('mappings:get', { connectionId: conn, object: 'Nope__c' })).toMatchObject({ ok: false, error: { code: 'MAPPING', message: expect.stringContaining('Nope__c') } });
    expect(await dispatch('mappings:get', { connectionId: 'zoho', object: 'Contact' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('No connection "zoho"') } });
    expect(await dispatch('mappings:get', { connectionId: conn })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  });
});
