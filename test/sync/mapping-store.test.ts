import { describe, it, expect } from 'vitest';
import { openDatabase } from '../../main/store/db';
import { saveMapping, getMapping, listMappings, deleteMapping, exportMappings, importMappings } from '../../main/store/mappings';
import type { ObjectMappingInput } from '../../main/sync/mapping';

const setup = () => {
  const { db } = openDatabase(':memory:');
  const now = new Date().toISOString();
  for (const id of ['sf', 'sf2']) {
    db.prepare("INSERT INTO connections (id, provider, label, auth_kind, created_at, updated_at) VALUES (?, 'salesforce', 'Org', 'oauth', ?, ?)").run(id, now, now);
  }
  return db;
};

const contact: ObjectMappingInput = {
  object: 'Contact',
  localKind: 'person',
  matchKey: { kind: 'email', crm: 'Email', local: 'email' },
  conflictPolicy: 'newest-wins',
  fields: [{ crm: 'LastName', local: 'lastName', direction: 'both' }],
};

describe('mappings store', () => {
  it('saves, replaces, reads and deletes one mapping per connection and object', () => {
    const db = setup();
    saveMapping(db, 'sf', contact);
    saveMapping(db, 'sf', { ...contact, fields: [...contact.fields, { crm: 'Phone', local: 'phone', direction: 'both' }] });
    saveMapping(db, 'sf', { ...contact, object: 'Lead' });
    const got = getMapping(db, 'sf', 'Contact')!;
    expect(got.mapping.fields.map((f) => f.crm)).toEqual(['LastName', 'Phone']);
    expect(got.mapping).toMatchObject({ version: 1, enabled: true, conflictPolicy: 'newest-wins' });
    expect(listMappings(db, 'sf').map((m) => m.object)).toEqual(['Contact', 'Lead']);
    expect(getMapping(db, 'sf2', 'Contact')).toBeUndefined();
    expect(deleteMapping(db, 'sf', 'Lead')).toBe(true);
    expect(listMappings(db, 'sf')).toHaveLength(1);
  });

  it('refuses to save a malformed mapping', () => {
    const db = setup();
    expect(() => saveMapping(db, 'sf', { ...contact, fields: [{ crm: 'X', direction: 'push' } as never] })).toThrow();
    expect(listMappings(db, 'sf')).toHaveLength(0);
  });

  it('exports as JSON and imports into another connection, all or nothing', () => {
    const db = setup();
    saveMapping(db, 'sf', contact);
    saveMapping(db, 'sf', { ...contact, object: 'Lead' });
    const doc = JSON.parse(JSON.stringify(exportMappings(db, 'sf', 'salesforce')));
    expect(doc).toMatchObject({ format: 'ticket-crm-sync/mappings', version: 1, provider: 'salesforce' });
    expect(importMappings(db, 'sf2', doc)).toEqual(['Contact', 'Lead']);
    expect(getMapping(db, 'sf2', 'Lead')!.mapping).toEqual(getMapping(db, 'sf', 'Lead')!.mapping);

    const broken = { ...doc, mappings: [doc.mappings[0], { ...doc.mappings[1], matchKey: { kind: 'telepathy' } }] };
    deleteMapping(db, 'sf2', 'Contact');
    expect(() => importMappings(db, 'sf2', broken)).toThrow();
    expect(getMapping(db, 'sf2', 'Contact')).toBeUndefined();
  });
});
