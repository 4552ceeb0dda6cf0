import { describe, it, expect } from 'vitest';
import { ObjectMapping, validateMapping, type ObjectMappingInput, type MappingIssue } from '../../../main/sync/mapping';
import { contactMeta } from './fixtures';

const base: ObjectMappingInput = {
  object: 'Contact',
  localKind: 'person',
  matchKey: { kind: 'externalId', crm: 'Buyer_Id__c', local: 'email' },
  fields: [
    { crm: 'LastName', local: 'lastName', direction: 'both' },
    { crm: 'FirstName', local: 'firstName', direction: 'both' },
  ],
};

const check = (fields: ObjectMappingInput['fields'], over: Partial<ObjectMappingInput> = {}): MappingIssue[] =>
  validateMapping(ObjectMapping.parse({ ...base, ...over, fields: [...base.fields, ...fields] }), contactMeta);
const codes = (issues: MappingIssue[], severity = 'error') => issues.filter((i) => i.severity === severity).map((i) => i.code);

describe('validateMapping', () => {
  it('accepts a sound mapping', () => {
    expect(check([{ crm: 'Email', local: 'email', direction: 'push' }])).toEqual([]);
  });

  it('reports unknown CRM and local fields', () => {
    expect(codes(check([{ crm: 'Nope__c', local: 'email', direction: 'push' }]))).toEqual(['UNKNOWN_CRM_FIELD']);
    expect(codes(check([{ crm: 'Note', local: 'shoeSize', direction: 'push' }]))).toEqual(['UNKNOWN_LOCAL_FIELD']);
    expect(codes(check([{ crm: 'Note', template: '{firstName} {favouriteColour}', direction: 'push' }]))).toEqual(['UNKNOWN_LOCAL_FIELD']);
    // Custom fields of a person are always there to map.
    expect(check([{ crm: 'Note', local: 'custom.Dietary needs', direction: 'push' }])).toEqual([]);
  });

  it('offers calculated and read-only fields for pull only', () => {
    const pushCalc = check([{ crm: 'Full_Name__c', local: 'company', direction: 'push' }]);
    expect(codes(pushCalc)).toEqual(['READ_ONLY_FIELD']);
    expect(pushCalc[0].message).toMatch(/calculated.*pull only/);
    expect(codes(check([{ crm: 'CreatedDate', local: 'company', direction: 'both' }]))).toContain('READ_ONLY_FIELD');
    expect(codes(check([{ crm: 'Full_Name__c', local: 'company', direction: 'pull' }]))).toEqual([]);
    expect(codes(check([{ crm: 'Origin', local: 'company', direction: 'push' }]), 'warning')).toEqual(['CREATE_ONLY_FIELD']);
  });

  it('refuses to pull into fields the app keeps itself', () => {
    expect(codes(check([{ crm: 'Spent', local: 'totalSpent', direction: 'both' }]))).toEqual(['LOCAL_READ_ONLY']);
    expect(codes(check([{ crm: 'Spent', local: 'totalSpent', direction: 'push' }]))).toEqual([]);
  });

  it('checks types per direction: impossible pairs are errors, parseable ones are checked per record', () => {
    expect(codes(check([{ crm: 'Birthdate', local: 'marketingConsent', direction: 'push' }]))).toEqual(['TYPE_MISMATCH']);
    expect(codes(check([{ crm: 'OptOut', local: 'totalSpent', direction: 'push' }]))).toEqual(['TYPE_MISMATCH']);
    expect(codes(check([{ crm: 'Score', local: 'marketingConsent', direction: 'push' }]))).toEqual(['TYPE_MISMATCH']);
    expect(codes(check([{ crm: 'Email', local: 'marketingConsent', direction: 'push' }]))).toEqual(['TYPE_MISMATCH']);
    expect(codes(check([{ crm: 'Score', local: 'company', direction: 'push' }]), 'warning')).toEqual(['TYPE_CHECKED_PER_RECORD']);
    expect(codes(check([{ crm: 'Spent', local: 'totalSpent', direction: 'push' }]))).toEqual([]);
    expect(codes(check([{ crm: 'Birthdate', local: 'lastOrderedAt', direction: 'push' }]))).toEqual([]);
    // Pulling a date into a boolean field cannot work.
    expect(codes(check([{ crm: 'Birthdate', local: 'marketingConsent', direction: 'pull' }]))).toEqual(['TYPE_MISMATCH']);
    // A date formatted as text fits a text field, not a date field's boolean.
    expect(codes(check([{ crm: 'Note', local: 'lastOrderedAt', direction: 'push', transforms: [{ kind: 'dateFormat', pattern: 'DD/MM/YYYY' }] }]))).toEqual([]);
    expect(codes(check([{ crm: 'Note', local: 'company', direction: 'push', transforms: [{ kind: 'dateFormat', pattern: 'DD/MM/YYYY' }] }]))).toEqual(['TRANSFORM_TYPE']);
  });

  it('flags required fields nothing fills', () => {
    const issues = validateMapping(ObjectMapping.parse({ ...base, fields: [{ crm: 'FirstName', local: 'firstName', direction: 'both' }] }), contactMeta);
    expect(issues).toEqual([expect.objectContaining({ code: 'REQUIRED_FIELD_UNMAPPED', crmField: 'LastName' })]);
    // A pull-only mapping does not fill it either.
    const pullOnly = validateMapping(ObjectMapping.parse({ ...base, fields: [{ crm: 'LastName', local: 'lastName', direction: 'pull' }] }), contactMeta);
    expect(codes(pullOnly)).toEqual(['REQUIRED_FIELD_UNMAPPED']);
  });

  it('checks value-map targets and constants against the allowed picklist values', () => {
    const issues = check([{ crm: 'Tier', local: 'jobTitle', direction: 'push', valueMap: { values: { VIP: 'Gold', Regular: 'Platinum' }, fallback: 'Bronze' } }]);
    expect(issues.filter((i) => i.code === 'PICKLIST_VALUE_NOT_ALLOWED').map((i) => i.message)).toEqual([
      expect.stringContaining('"Platinum"'),
      expect.stringContaining('"Bronze"'), // inactive
    ]);
    expect(codes(check([{ crm: 'Tier', constant: 'Silver', direction: 'push' }]))).toEqual([]);
    expect(codes(check([{ crm: 'Interests', constant: 'Music;Chess', direction: 'push' }]))).toEqual(['PICKLIST_VALUE_NOT_ALLOWED']);
    expect(codes(check([{ crm: 'Score', constant: 'lots', direction: 'push' }]))).toEqual(['INVALID_NUMBER']);
    expect(check([{ crm: 'Score', constant: 7, direction: 'push' }])).toEqual([]);
  });

  it('rejects two mappings into one field and one-way sources on pulled fields', () => {
    expect(codes(check([{ crm: 'FirstName', local: 'company', direction: 'push' }]))).toEqual(['DUPLICATE_TARGET']);
    expect(codes(check([{ crm: 'Note', local: 'firstName', direction: 'pull' }]))).toEqual(['DUPLICATE_TARGET']);
    expect(codes(check([{ crm: 'Note', local: 'fullName', direction: 'both', transforms: [{ kind: 'splitName', part: 'first' }] }]))).toEqual(
      expect.arrayContaining(['PUSH_ONLY_TRANSFORM']),
    );
    expect(codes(check([{ crm: 'Note', constant: 'x', direction: 'both' }]))).toEqual(['PUSH_ONLY_SOURCE']);
  });

  it('fills reference fields only through lookups to the right object', () => {
    expect(codes(check([{ crm: 'AccountId', local: 'company', direction: 'push' }]))).toEqual(['REFERENCE_NEEDS_LOOKUP']);
    expect(codes(check([{ crm: 'AccountId', lookup: { object: 'Account', localKind: 'company', localField: 'company' }, direction: 'push' }]))).toEqual([]);
    expect(codes(check([{ crm: 'AccountId', lookup: { object: 'Campaign', localKind: 'campaign', localField: 'company' }, direction: 'push' }]))).toEqual(['LOOKUP_TARGET']);
  });

  it('checks the match key', () => {
    expect(codes(check([], { matchKey: { kind: 'externalId', crm: 'Note', local: 'email' } }))).toEqual(['MATCH_KEY_INVALID']);
    expect(codes(check([], { matchKey: { kind: 'email', crm: 'Score', local: 'email' } }))).toEqual(['MATCH_KEY_INVALID']);
    expect(codes(check([], { matchKey: { kind: 'crmId', findBy: 'Email' } }))).toEqual(['MATCH_KEY_INVALID']);
    expect(codes(check([{ crm: 'Email', local: 'email', direction: 'push' }], { matchKey: { kind: 'crmId', findBy: 'Email' } }))).toEqual([]);
  });

  it('the model itself rejects a field mapping with no source or two', () => {
    expect(ObjectMapping.safeParse({ ...base, fields: [{ crm: 'Note', direction: 'push' }] }).success).toBe(false);
    expect(ObjectMapping.safeParse({ ...base, fields: [{ crm: 'Note', local: 'email', constant: 'x', direction: 'push' }] }).success).toBe(false);
    expect(ObjectMapping.safeParse({ ...base, fields: [{ crm: 'Note', local: 'email', direction: 'sideways' }] }).success).toBe(false);
  });
});
