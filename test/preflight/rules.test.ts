import { describe, expect, it } from 'vitest';
import { missingScopes, scopeFamily, scopeGrants } from '../../main/providers/hubspot/scopes';
import { permissionIssues } from '../../main/sync/preflight/check-mapping';
import type { FieldMeta, ObjectMeta } from '../../main/providers/provider';
import type { ObjectMapping } from '../../main/sync/mapping/model';

const field = (name: string, over: Partial<FieldMeta> = {}): FieldMeta => ({
  name, label: name, type: 'string', vendorType: 'string', required: false, createable: true, updateable: true, calculated: false, readOnly: false, unique: false, externalId: false, custom: false, ...over,
});
const meta = (fields: FieldMeta[], over: Partial<ObjectMeta> = {}): ObjectMeta => ({
  name: 'Thing', label: 'Thing', custom: false, queryable: true, createable: true, updateable: true, fields, idField: 'Id', modifiedField: 'SystemModstamp', matchFields: ['Id'], ...over,
});
const mapping = (fields: ObjectMapping['fields'], over: Partial<ObjectMapping> = {}): ObjectMapping => ({ version: 1, object: 'Thing', localKind: 'person', enabled: true, matchKey: { kind: 'crmId' }, fields, ...over });

describe('HubSpot scope rules', () => {
  it('maps object names, singular names and type ids to one scope family', () => {
    expect(['contacts', 'contact', '0-1'].map(scopeFamily)).toEqual(['contacts', 'contacts', 'contacts']);
    expect(scopeFamily('0-3')).toBe('deals');
    expect(scopeFamily('2-1234567')).toBe('custom');
  });

  it('the legacy contacts scope covers contacts, companies and deals but not custom objects', () => {
    expect(missingScopes(['contacts'], 'deals', 'write')).toEqual([]);
    expect(missingScopes(['contacts'], '2-99', 'write')).toEqual(['crm.objects.custom.write']);
    expect(missingScopes(['crm.objects.deals.read'], 'deals', 'write')).toEqual(['crm.objects.deals.write']);
  });
});

describe('permission rules on a mapping', () => {
  it('a pull-only mapping needs no Create or Edit and no write scope', () => {
    const m = mapping([{ crm: 'A', local: 'firstName', direction: 'pull' }]);
    const grants = scopeGrants(['crm.objects.custom.read']);
    expect(permissionIssues(m, meta([field('A')], { createable: false, updateable: false, name: '2-5' }), { crm: 'HubSpot', grants })).toEqual([]);
  });

  it('without field-level security data, a read-only field is left to the model (no guess about admins)', () => {
    const m = mapping([{ crm: 'A', local: 'firstName', direction: 'push' }, { crm: 'Gone', local: 'lastName', direction: 'push' }]);
    expect(permissionIssues(m, meta([field('A', { createable: false, updateable: false, readOnly: true })]), { crm: 'X' })).toEqual([]);
  });

  it('a formula field is not blamed on field-level security; a locked permissionable one is', () => {
    const m = mapping([{ crm: 'F', local: 'firstName', direction: 'push' }, { crm: 'P', local: 'phone', direction: 'push' }]);
    const fields = [
      field('F', { calculated: true, createable: false, updateable: false, readOnly: true, permissionable: true }),
      field('P', { createable: false, updateable: false, readOnly: true, permissionable: true }),
    ];
    const issues = permissionIssues(m, meta(fields), { crm: 'Salesforce' });
    expect(issues.map((i) => [i.code, i.crmField, i.index])).toEqual([['READ_ONLY_FIELD', 'P', 1]]);
  });

  it('a constant pushed to a locked field cannot be pulled instead: the fix says remove it', () => {
    const m = mapping([{ crm: 'P', constant: 'x', direction: 'push' }]);
    const issues = permissionIssues(m, meta([field('P', { createable: false, updateable: false, readOnly: true, permissionable: true })]), { crm: 'Salesforce' });
    expect(issues[0].message).toMatch(/or remove it from the mapping$/);
  });

  it('a match field the user cannot edit stops upserts', () => {
    const m = mapping([{ crm: 'A', local: 'firstName', direction: 'push' }], { matchKey: { kind: 'externalId', crm: 'Ext__c', local: 'email' } });
    const fields = [field('A', { permissionable: true }), field('Ext__c', { externalId: true, createable: false, updateable: false, readOnly: true, permissionable: true })];
    expect(permissionIssues(m, meta(fields), { crm: 'Salesforce' })).toEqual([expect.objectContaining({ code: 'MATCH_KEY_READ_ONLY', crmField: 'Ext__c' })]);
  });

  it('an object that may be created but not edited says Edit', () => {
    const m = mapping([{ crm: 'A', local: 'firstName', direction: 'push' }]);
    const [issue] = permissionIssues(m, meta([field('A')], { updateable: false }), { crm: 'Salesforce' });
    expect(issue).toMatchObject({ severity: 'error', code: 'OBJECT_NOT_UPDATEABLE' });
    expect(issue.message).toContain('ask your Salesforce admin for Edit permission on Thing');
  });
});
