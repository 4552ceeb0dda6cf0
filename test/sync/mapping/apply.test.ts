import { describe, it, expect } from 'vitest';
import { ObjectMapping, applyPush, applyPull, findUnmappedPicklistValues, resolveConflict, pullFields, splitFullName, type FieldMapping } from '../../../main/sync/mapping';
import { contactMeta } from './fixtures';

const mapping = (fields: FieldMapping[] | object[], over: object = {}) =>
  ObjectMapping.parse({
    object: 'Contact',
    localKind: 'person',
    matchKey: { kind: 'externalId', crm: 'Buyer_Id__c', local: 'email' },
    fields: [{ crm: 'LastName', local: 'lastName', direction: 'both', transforms: [{ kind: 'default', value: '[not provided]' }] }, ...fields],
    ...over,
  });

const ada = { id: 7, email: 'Ada@Example.com ', firstName: '  Ada ', lastName: 'Lovelace', fullName: 'Ada King Lovelace', phone: '+44 20 1234', company: 'Analytical Engines', jobTitle: 'vip', lastOrderedAt: '2025-11-29T22:28:00.000Z', totalSpent: 120.5, orderCount: 3, marketingConsent: true };

describe('applyPush', () => {
  it('builds the exact payload: transforms, typing and the match key', () => {
    const m = mapping([
      { crm: 'FirstName', local: 'firstName', direction: 'both', transforms: [{ kind: 'trim' }, { kind: 'upper' }] },
      { crm: 'Email', local: 'email', direction: 'push', transforms: [{ kind: 'trim' }, { kind: 'lower' }] },
      { crm: 'Note', local: 'lastOrderedAt', direction: 'push', transforms: [{ kind: 'dateFormat', pattern: 'DD/MM/YYYY HH:mm' }] },
      { crm: 'Birthdate', local: 'lastOrderedAt', direction: 'push' },
      { crm: 'LastSeen', local: 'lastOrderedAt', direction: 'push' },
      { crm: 'Spent', local: 'totalSpent', direction: 'push' },
      { crm: 'Visits', local: 'orderCount', direction: 'push' },
      { crm: 'OptOut', local: 'marketingConsent', direction: 'push' },
      { crm: 'Phone', local: 'phone', direction: 'both' },
      { crm: 'Origin', constant: 'Ticketing', direction: 'push' },
    ]);
    const p = applyPush(m, contactMeta, ada, { operation: 'upsert' });
    expect(p.issues).toEqual([]);
    expect(p.fields).toEqual({
      LastName: 'Lovelace',
      FirstName: 'ADA',
      Email: 'ada@example.com',
      Note: '29/11/2025 22:28',
      Birthdate: '2025-11-29',
      LastSeen: '2025-11-29T22:28:00.000Z',
      Spent: 120.5,
      Visits: 3,
      OptOut: true,
      Phone: '+44 20 1234',
      Origin: 'Ticketing',
      Buyer_Id__c: 'ada@example.com',
    });
    expect(p.match).toEqual({ field: 'Buyer_Id__c', value: 'ada@example.com' });
  });

  it('splits full names and renders templates', () => {
    expect(splitFullName('Ludwig van Beethoven')).toEqual({ first: 'Ludwig', last: 'van Beethoven' });
    expect(splitFullName('Cher')).toEqual({ first: 'Cher', last: '' });
    const m = mapping([
      { crm: 'FirstName', local: 'fullName', direction: 'push', transforms: [{ kind: 'splitName', part: 'first' }] },
      { crm: 'Note', template: '{company} / {jobTitle} / {city}', direction: 'push' },
    ]);
    const p = applyPush(m, contactMeta, ada, { operation: 'update' });
    expect(p.fields.FirstName).toBe('Ada');
    expect(p.fields.Note).toBe('Analytical Engines / vip /');
  });

  it('maps picklist values, falls back, and names values the CRM does not allow', () => {
    const m = mapping([{ crm: 'Tier', local: 'jobTitle', direction: 'push', valueMap: { values: { vip: 'Gold' } } }]);
    expect(applyPush(m, contactMeta, ada, { operation: 'update' }).fields.Tier).toBe('Gold');
    // A case-insensitive hit is sent with the CRM's spelling.
    expect(applyPush(m, contactMeta, { ...ada, jobTitle: 'silver' }, { operation: 'update' }).fields.Tier).toBe('Silver');
    const bad = applyPush(m, contactMeta, { ...ada, jobTitle: 'Platinum' }, { operation: 'update' });
    expect(bad.fields).not.toHaveProperty('Tier');
    expect(bad.issues).toEqual([expect.objectContaining({ severity: 'error', code: 'PICKLIST_VALUE_NOT_ALLOWED', crmField: 'Tier', localField: 'jobTitle' })]);
    const withFallback = mapping([{ crm: 'Tier', local: 'jobTitle', direction: 'push', valueMap: { values: { vip: 'Gold' }, fallback: 'Silver' } }]);
    expect(applyPush(withFallback, contactMeta, { ...ada, jobTitle: 'Platinum' }, { operation: 'update' }).fields.Tier).toBe('Silver');
    const multi = mapping([{ crm: 'Interests', local: 'custom.interests', direction: 'push' }]);
    expect(applyPush(multi, contactMeta, { ...ada, 'custom.interests': 'music; Sports' }, { operation: 'update' }).fields.Interests).toEqual(['Music', 'Sports']);
  });

  it('reports each kind of bad value with the field named, and sends nothing for it', () => {
    const m = mapping([
      { crm: 'FirstName', local: 'firstName', direction: 'both' },
      { crm: 'Email', local: 'email', direction: 'push' },
      { crm: 'Score', local: 'company', direction: 'push' },
      { crm: 'OptOut', local: 'jobTitle', direction: 'push' },
      { crm: 'Birthdate', local: 'city', direction: 'push' },
    ]);
    const p = applyPush(m, contactMeta, { ...ada, firstName: 'Bartholomew-Alexander', email: 'not-an-email', company: '12x', jobTitle: 'maybe', city: '31/02/2020' }, { operation: 'update' });
    const byField = Object.fromEntries(p.issues.map((i) => [i.crmField, i.code]));
    expect(byField).toEqual({
      FirstName: 'STRING_TOO_LONG',
      Email: 'INVALID_EMAIL',
      Score: 'INVALID_NUMBER',
      OptOut: 'INVALID_BOOLEAN',
      Birthdate: 'INVALID_DATE',
    });
    expect(p.fields).toEqual({ LastName: 'Lovelace', Buyer_Id__c: 'not-an-email' });
    expect(p.issues.find((i) => i.crmField === 'FirstName')!.message).toMatch(/at most 10 characters/);
  });

  it('requires required fields on create and upsert, not on update; placeholders fill blanks', () => {
    const bare = ObjectMapping.parse({ object: 'Contact', localKind: 'person', matchKey: { kind: 'externalId', crm: 'Buyer_Id__c', local: 'email' }, fields: [{ crm: 'LastName', local: 'lastName', direction: 'both' }] });
    const noName = { ...ada, lastName: '  ' };
    expect(applyPush(bare, contactMeta, noName, { operation: 'create' }).issues).toEqual([expect.objectContaining({ code: 'REQUIRED_FIELD_MISSING', crmField: 'LastName' })]);
    expect(applyPush(bare, contactMeta, noName, { operation: 'update' }).issues).toEqual([]);
    expect(applyPush(mapping([]), contactMeta, noName, { operation: 'create' }).fields.LastName).toBe('[not provided]');
    expect(applyPush(bare, contactMeta, { ...ada, email: '' }, { operation: 'update' }).issues.map((i) => i.code)).toEqual(['MATCH_KEY_MISSING']);
  });

  it('leaves create-only fields out of updates, never clears by default, and can fill blanks only', () => {
    const m = mapping([
      { crm: 'Origin', constant: 'Ticketing', direction: 'push' },
      { crm: 'Phone', local: 'phone', direction: 'both' },
      { crm: 'Note', local: 'company', direction: 'push', neverClear: false },
      { crm: 'Email', local: 'email', direction: 'push', onlyFillBlanks: true },
    ]);
    const p = applyPush(m, contactMeta, { ...ada, phone: '', company: null }, { operation: 'update', current: { Email: 'other@example.com' } });
    expect(p.fields).not.toHaveProperty('Origin');
    expect(p.fields).not.toHaveProperty('Phone');
    expect(p.fields).not.toHaveProperty('Email');
    expect(p.fields.Note).toBeNull();
    expect(applyPush(m, contactMeta, ada, { operation: 'update', current: { Email: '' } }).fields.Email).toBe('Ada@Example.com');
  });

  it('resolves lookups through the resolver, and defers records whose parent is not linked yet', () => {
    const m = mapping([{ crm: 'AccountId', lookup: { object: 'Account', localKind: 'company', localField: 'company' }, direction: 'push' }]);
    const seen: unknown[] = [];
    const linked = applyPush(m, contactMeta, ada, { operation: 'upsert', resolveLookup: (ref) => (seen.push(ref), '001XYZ') });
    expect(linked.fields.AccountId).toBe('001XYZ');
    expect(seen).toEqual([{ object: 'Account', localKind: 'company', key: 'Analytical Engines' }]);
    const pending = applyPush(m, contactMeta, ada, { operation: 'upsert', resolveLookup: () => undefined });
    expect(pending.issues).toEqual([expect.objectContaining({ severity: 'defer', code: 'LOOKUP_UNRESOLVED', crmField: 'AccountId' })]);
    expect(applyPush(m, contactMeta, { ...ada, company: '' }, { operation: 'upsert', resolveLookup: () => undefined }).issues).toEqual([]);
  });

  it('says what to search before a create', () => {
    const m = mapping([{ crm: 'Email', local: 'email', direction: 'push', transforms: [{ kind: 'trim' }, { kind: 'lower' }] }], {
      matchKey: { kind: 'crmId', findBy: 'Email' },
    });
    const p = applyPush(m, contactMeta, ada, { operation: 'create' });
    expect(p.match).toBeUndefined();
    expect(p.find).toEqual({ field: 'Email', value: 'ada@example.com' });
  });
});

describe('applyPull', () => {
  const m = mapping([
    { crm: 'FirstName', local: 'firstName', direction: 'both', transforms: [{ kind: 'trim' }] },
    { crm: 'Phone', local: 'phone', direction: 'both' },
    { crm: 'Email', local: 'email', direction: 'push' },
    { crm: 'Tier', local: 'jobTitle', direction: 'both', valueMap: { values: { vip: 'Gold', regular: 'Silver' } } },
    { crm: 'Note', local: 'custom.lastOrder', direction: 'pull', transforms: [{ kind: 'dateFormat', pattern: 'DD/MM/YYYY' }] },
    { crm: 'OptOut', local: 'marketingConsent', direction: 'pull' },
    { crm: 'Full_Name__c', local: 'company', direction: 'pull' },
  ]);

  it('turns a CRM record into local updates through the mapping read backwards', () => {
    const r = applyPull(m, contactMeta, {
      id: '003A',
      fields: { FirstName: ' Ada ', LastName: '[not provided]', Phone: '555', Email: 'x@y.z', Tier: 'Gold', Note: '29/11/2025', OptOut: 'false', Full_Name__c: 'Ada L' },
    });
    expect(r.issues).toEqual([]);
    expect(r.updates).toEqual({
      firstName: 'Ada',
      lastName: null,
      phone: '555',
      jobTitle: 'vip',
      'custom.lastOrder': '2025-11-29T00:00:00.000Z',
      marketingConsent: false,
      company: 'Ada L',
    });
  });

  it('leaves out fields the record does not carry, and warns on values it cannot read', () => {
    const r = applyPull(m, contactMeta, { id: '003A', fields: { Phone: null, Note: 'yesterday' } });
    expect(r.updates).toEqual({ phone: null });
    expect(r.issues).toEqual([expect.objectContaining({ severity: 'warning', crmField: 'Note' })]);
  });

  it('asks for the pulled fields plus id and modified stamp', () => {
    expect(pullFields(m, contactMeta).sort()).toEqual(['FirstName', 'Full_Name__c', 'Id', 'LastName', 'Note', 'OptOut', 'Phone', 'SystemModstamp', 'Tier'].sort());
  });
});

describe('findUnmappedPicklistValues', () => {
  it('counts local values that no allowed CRM value takes, before anything is sent', () => {
    const m = mapping([{ crm: 'Tier', local: 'jobTitle', direction: 'push', valueMap: { values: { vip: 'Gold' } } }]);
    const records = ['vip', 'Platinum', 'platinum', 'Platinum', 'silver', '', null].map((jobTitle, i) => ({ ...ada, id: i, jobTitle }));
    expect(findUnmappedPicklistValues(m, contactMeta, records)).toEqual([
      { crmField: 'Tier', localField: 'jobTitle', value: 'Platinum', count: 2 },
      { crmField: 'Tier', localField: 'jobTitle', value: 'platinum', count: 1 },
    ]);
  });
});

describe('resolveConflict', () => {
  it('follows the policy; newest wins by stamp with ties to the CRM', () => {
    const sides = { localChangedAt: '2026-01-02T00:00:00Z', remoteChangedAt: '2026-01-01T00:00:00Z' };
    expect(resolveConflict('crm-wins', sides)).toBe('crm');
    expect(resolveConflict('local-wins', { ...sides, localChangedAt: '2020-01-01T00:00:00Z' })).toBe('local');
    expect(resolveConflict('newest-wins', sides)).toBe('local');
    expect(resolveConflict('newest-wins', { ...sides, remoteChangedAt: '2026-01-03T00:00:00Z' })).toBe('crm');
    expect(resolveConflict('newest-wins', { localChangedAt: '2026-01-01T00:00:00Z', remoteChangedAt: '2026-01-01T00:00:00Z' })).toBe('crm');
    expect(resolveConflict('newest-wins', { remoteChangedAt: null, localChangedAt: '2026-01-01T00:00:00Z' })).toBe('local');
  });
});
