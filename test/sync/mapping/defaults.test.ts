import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { defaultMappings, defaultObjects, defaultMappingFor, validateMapping, applyPush, applyPull, type ObjectMapping } from '../../../main/sync/mapping';
import type { ObjectMeta } from '../../../main/providers/provider';
import { startProvider, type Harness } from '../provider-harness';

const kinds = ['salesforce', 'hubspot', 'pipedrive'] as const;
const personObject: Record<(typeof kinds)[number], string> = { salesforce: 'Contact', hubspot: 'contacts', pipedrive: 'persons' };

const ada = { id: 1, email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace', fullName: 'Ada Lovelace', phone: '+44 20 7946 0000', company: 'Analytical Engines', jobTitle: 'Engineer', city: 'London' };

for (const kind of kinds) {
  describe(`${kind} default mappings against the emulator's default metadata`, () => {
    let h: Harness;
    const metas = new Map<string, ObjectMeta>();
    beforeAll(async () => {
      h = await startProvider(kind);
      for (const def of defaultObjects(kind)) metas.set(def.object, await h.provider.describe(def.object));
    });
    afterAll(async () => h?.close());

    it('cover the person, company and deal roles the provider declares', () => {
      const roles = h.provider.capabilities.objectRoles;
      for (const object of [roles.person, roles.company, roles.deal]) expect(Object.keys(defaultMappings[kind])).toContain(object);
    });

    it('are valid with no errors, object by object', () => {
      for (const [object, meta] of metas) {
        const m = defaultMappingFor(kind, meta)!;
        const errors = validateMapping(m, meta).filter((i) => i.severity === 'error');
        expect({ object, errors }).toEqual({ object, errors: [] });
      }
    });

    it('sync first name, last name and phone both ways on the person object, matched by email', () => {
      const m = defaultMappingFor(kind, metas.get(personObject[kind])!)!;
      const both = (local: string) => m.fields.find((f) => f.local === local && f.direction === 'both');
      for (const local of ['firstName', 'lastName', 'phone']) expect(both(local), local).toBeDefined();
      const key = m.matchKey;
      expect(key.kind === 'email' || (key.kind === 'externalId' && key.local === 'email')).toBe(true);
    });

    it('turn a local person into a payload without issues, and the CRM record back into the same names', () => {
      const meta = metas.get(personObject[kind])!;
      const m: ObjectMapping = defaultMappingFor(kind, meta)!;
      const p = applyPush(m, meta, ada, { operation: 'upsert', resolveLookup: () => '42' });
      expect(p.issues).toEqual([]);
      const pulled = applyPull(m, meta, { id: 'x', fields: { ...p.fields } });
      expect(pulled.updates).toMatchObject({ firstName: 'Ada', lastName: 'Lovelace', phone: ada.phone });
    });
  });
}

describe('default mappings adapt to an org without the app’s custom fields', () => {
  it('fall back to matching by email and drop optional fields the org lacks', async () => {
    const h = await startProvider('salesforce');
    try {
      const meta = await h.provider.describe('Contact');
      const stripped: ObjectMeta = { ...meta, fields: meta.fields.filter((f) => !f.name.endsWith('__c')) };
      const m = defaultMappingFor('salesforce', stripped)!;
      expect(m.matchKey).toEqual({ kind: 'email', crm: 'Email', local: 'email' });
      expect(m.fields.some((f) => f.crm.endsWith('__c'))).toBe(false);
      expect(validateMapping(m, stripped).filter((i) => i.severity === 'error')).toEqual([]);
    } finally {
      await h.close();
    }
  });
});
