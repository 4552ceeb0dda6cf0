import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FieldMeta, ObjectMeta } from '../../main/providers/provider';
import { applyPush, type ObjectMapping } from '../../main/sync/mapping';
import { loadRecords } from '../../main/sync/engine/local-records';
import { linkResolver } from '../../main/sync/engine/payload';
import { distinctValues, distinctValuesSlow } from '../../main/sync/mapping/editor/local-data';
import type { ObjectMappingDraft } from '../../shared/ipc/channels/mappings';
import { connectedApp, kinds, personObject, seedPeople, type Kind, type MappingTestApp } from './helpers';

/** A text field the CRM limits in length (HubSpot properties have none: the model's own 4,000 limit applies). */
const limitedText: Record<Kind, string | null> = { salesforce: 'Title', hubspot: null, pipedrive: 'first_name' };

/** A picklist on the person object and one value it does not allow. */
const picklistField: Record<Kind, string> = { salesforce: 'LeadSource', hubspot: 'hs_lead_status', pipedrive: 'marketing_status' };

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

for (const kind of kinds) {
  describe(`mapping service against the ${kind} emulator's default metadata`, () => {
    let app: MappingTestApp;
    let meta: ObjectMeta;
    const object = personObject[kind];
    const field = (name: string): FieldMeta => meta.fields.find((f) => f.name === name)!;

    beforeAll(async () => {
      app = await connectedApp(kind);
      seedPeople(app.services.db, [
        { email: 'ada@example.com', firstName: '  Ada ', lastName: 'Lovelace', phone: '+44 20 7946 0000', company: 'Analytical Engines', custom: { heard_about: 'Newsletter' } },
        { email: 'grace@example.com', firstName: 'Grace', lastName: 'Hopper', custom: { heard_about: 'Newsletter' } },
        { email: 'alan@example.com', firstName: 'Alan', lastName: 'Turing', custom: { heard_about: 'A friend' } },
      ]);
      meta = await (await app.services.connections.provider(app.connectionId)).describe(object);
    });
    afterAll(async () => app?.close());

    it('lists the default objects with no errors, the person object mapped by default', async () => {
      const list = await app.services.mappings.objects(app.connectionId);
      const mapped = list.objects.filter((o) => o.source !== 'none');
      expect(mapped.length).toBeGreaterThanOrEqual(3);
      for (const o of mapped) expect({ object: o.object, source: o.source, errors: o.errors }).toEqual({ object: o.object, source: 'default', errors: 0 });
      expect(mapped.find((o) => o.object === object)).toMatchObject({ role: 'person', localKind: 'person', enabled: true });
    });

    it('answers the default mapping, the live fields and the local catalogue, without errors', async () => {
      const state = await app.services.mappings.get(app.connectionId, object);
      expect(state.source).toBe('default');
      expect(state.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(state.fields.map((f) => f.name)).toEqual(meta.fields.map((f) => f.name));
      const person = state.localKinds.find((k) => k.kind === 'person')!;
      expect(person.fields.map((f) => f.name)).toEqual(expect.arrayContaining(['email', 'firstName', 'custom.heard_about']));
      const both = state.mapping!.fields.filter((f) => f.direction === 'both').map((f) => f.local);
      expect(both).toEqual(expect.arrayContaining(['firstName', 'lastName', 'phone']));
    });

    it('refuses to save a push to a calculated or read-only field, naming the field', async () => {
      const target = meta.fields.find((f) => (f.calculated || f.readOnly) && f.type !== 'id' && f.name !== meta.modifiedField)!;
      expect(target).toBeDefined();
      const draft = clone((await app.services.mappings.get(app.connectionId, object)).mapping!) as ObjectMappingDraft;
      draft.fields.push({ crm: target.name, local: 'firstName', direction: 'push' });
      const res = await app.services.mappings.save(app.connectionId, object, draft);
      expect(res.saved).toBe(false);
      expect(res.message).toContain(target.name);
      expect(res.issues).toContainEqual(expect.objectContaining({ severity: 'error', code: 'READ_ONLY_FIELD', crmField: target.name, index: draft.fields.length - 1 }));
      // Pulled instead, the same field is fine.
      draft.fields[draft.fields.length - 1].direction = 'pull';
      const issues = await app.services.mappings.validate(app.connectionId, object, draft);
      expect(issues.filter((i) => i.severity === 'error' && i.crmField === target.name)).toEqual([]);
      expect((await app.services.mappings.get(app.connectionId, object)).source).toBe('default');
    });

    it('refuses a constant longer than the field takes', async () => {
      const name = limitedText[kind] ?? 'jobtitle';
      const max = limitedText[kind] ? field(name).length! : 4000;
      const draft = clone((await app.services.mappings.get(app.connectionId, object)).mapping!) as ObjectMappingDraft;
      draft.fields = draft.fields.filter((f) => f.crm !== name);
      draft.fields.push({ crm: name, constant: 'x'.repeat(max + 1), direction: 'push' });
      const res = await app.services.mappings.save(app.connectionId, object, draft);
      expect(res.saved).toBe(false);
      expect(res.message).toContain(name);
      expect(res.issues.some((i) => i.severity === 'error' && i.crmField === name && /at most|too long|4000|characters/i.test(i.message))).toBe(true);
    });

    it('refuses a value-map entry to a value the picklist does not allow, and reports local values with no entry before any push', async () => {
      const pick = field(picklistField[kind]);
      const allowed = pick.picklist!.filter((o) => o.active).map((o) => o.value);
      const draft = clone((await app.services.mappings.get(app.connectionId, object)).mapping!) as ObjectMappingDraft;
      draft.fields.push({ crm: pick.name, local: 'custom.heard_about', direction: 'push', valueMap: { values: { Newsletter: 'Not A Real Value' } } });
      const refused = await app.services.mappings.save(app.connectionId, object, draft);
      expect(refused.saved).toBe(false);
      expect(refused.issues).toContainEqual(expect.objectContaining({ code: 'PICKLIST_VALUE_NOT_ALLOWED', crmField: pick.name }));
      expect(refused.message).toContain('Not A Real Value');

      draft.fields[draft.fields.length - 1].valueMap = { values: { Newsletter: allowed[0] } };
      const unmapped = await app.services.mappings.unmappedValues(app.connectionId, object, draft);
      expect(unmapped.records).toBe(3);
      expect(unmapped.values).toEqual([{ crmField: pick.name, localField: 'custom.heard_about', value: 'A friend', count: 1 }]);

      draft.fields[draft.fields.length - 1].valueMap = { values: { Newsletter: allowed[0], 'A friend': allowed[1] } };
      expect((await app.services.mappings.unmappedValues(app.connectionId, object, draft)).values).toEqual([]);
      const saved = await app.services.mappings.save(app.connectionId, object, draft);
      expect(saved).toMatchObject({ saved: true });
      const state = await app.services.mappings.get(app.connectionId, object);
      expect(state.source).toBe('saved');
      expect(state.mapping!.fields.find((f) => f.crm === pick.name)!.valueMap!.values['A friend']).toBe(allowed[1]);
    });

    it('counts the distinct values a local field holds, after its transforms', () => {
      expect(app.services.mappings.localValues('person', 'custom.heard_about')).toEqual({
        values: [
          { value: 'Newsletter', count: 2 },
          { value: 'A friend', count: 1 },
        ],
        distinct: 2,
        records: 3,
      });
      expect(app.services.mappings.localValues('person', 'firstName', [{ kind: 'trim' }, { kind: 'upper' }]).values.map((v) => v.value)).toEqual(['ADA', 'ALAN', 'GRACE']);
    });

    it('counts column fields in SQL exactly as record by record, and derived fields record by record', () => {
      for (const field of ['firstName', 'email', 'custom.heard_about', 'company']) {
        const sorted = (rows: Array<{ value: unknown; count: number }>) => [...rows].sort((a, b) => String(a.value).localeCompare(String(b.value)));
        expect(sorted(distinctValues(app.services.db, 'person', field)!), field).toEqual(sorted(distinctValuesSlow(app.services.db, 'person', field)));
      }
      expect(distinctValues(app.services.db, 'person', 'fullName')).toBeUndefined();
      expect(app.services.mappings.localValues('person', 'fullName', [{ kind: 'splitName', part: 'last' }]).values.map((v) => v.value)).toEqual(['Hopper', 'Lovelace', 'Turing']);
    });

    it('previews one real local record: the payload equals what applyPush builds for it', async () => {
      const preview = await app.services.mappings.preview(app.connectionId, object, { search: 'ADA@example.com' });
      expect(preview.record).toMatchObject({ label: 'ada@example.com' });
      const { mapping } = await app.services.mappings.effective(app.connectionId, object);
      const record = loadRecords(app.services.db, 'person', [preview.record!.localId]).get(preview.record!.localId)!;
      const expected = applyPush(mapping as ObjectMapping, meta, record, { operation: 'upsert', resolveLookup: linkResolver(app.services.db, app.connectionId) });
      expect(preview.payload).toEqual(expected.fields);
      expect(preview.issues).toEqual(expected.issues);
      expect(Object.values(preview.payload)).toContain('Ada');
      expect(Object.values(preview.payload)).toContain('ada@example.com');
      expect(preview.values).toMatchObject({ email: 'ada@example.com', firstName: '  Ada ' });
      expect(preview.externalId).toBeNull();

      const first = await app.services.mappings.preview(app.connectionId, object);
      expect(first.candidates.map((c) => c.label)).toEqual(['ada@example.com', 'grace@example.com', 'alan@example.com']);
      const none = await app.services.mappings.preview(app.connectionId, object, { search: 'nobody-here' });
      expect(none).toMatchObject({ record: null, payload: {}, message: expect.stringContaining('nobody-here') });
    });

    it('exports the mappings and imports them back: a round trip, all or nothing', async () => {
      const before = (await app.services.mappings.get(app.connectionId, object)).mapping!;
      const doc = await app.services.mappings.exportDoc(app.connectionId);
      expect(doc).toMatchObject({ format: 'ticket-crm-sync/mappings', version: 1, provider: kind });
      expect(doc.mappings.map((m) => m.object)).toContain(object);

      const reset = await app.services.mappings.reset(app.connectionId, object);
      expect(reset.source).toBe('default');
      expect(reset.mapping).not.toEqual(before);

      const wire = JSON.parse(JSON.stringify(doc)) as unknown;
      const res = await app.services.mappings.importDoc(app.connectionId, wire);
      expect(res).toMatchObject({ imported: true, problems: [] });
      expect(res.objects).toEqual(doc.mappings.map((m) => m.object));
      const after = await app.services.mappings.get(app.connectionId, object);
      expect(after.source).toBe('saved');
      expect(after.mapping).toEqual(before);

      // A file with one bad mapping changes nothing and says what is wrong.
      const bad = JSON.parse(JSON.stringify(doc)) as { mappings: ObjectMappingDraft[] };
      const target = bad.mappings.find((m) => m.object === object)!;
      target.fields.push({ crm: 'No_Such_Field__x', local: 'firstName', direction: 'push' });
      await app.services.mappings.reset(app.connectionId, object);
      const refused = await app.services.mappings.importDoc(app.connectionId, bad);
      expect(refused).toMatchObject({ imported: false, objects: [] });
      expect(refused.message).toContain('No_Such_Field__x');
      expect((await app.services.mappings.get(app.connectionId, object)).source).toBe('default');

      const foreign = await app.services.mappings.importDoc(app.connectionId, { ...doc, provider: kind === 'hubspot' ? 'salesforce' : 'hubspot' });
      expect(foreign.imported).toBe(false);
      expect(foreign.message).toMatch(/mappings; .* is a .* connection/);
    });
  });
}
