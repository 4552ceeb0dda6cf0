import type { ApiClient } from '../http';
import type { AssociationInput, WriteInput, WriteOp, WriteResult } from '../provider';
import { ValidationError } from '../errors';
import { toRecordError, type SalesforceErrorItem } from './errors';

interface CollectionResult {
  id?: string | null;
  success: boolean;
  created?: boolean;
  errors?: SalesforceErrorItem[];
}

/** sObject Collections: up to 200 records, allOrNone false, one result per record in order. */
export async function writeCollection(api: ApiClient, base: string, object: string, op: WriteOp, records: WriteInput[], matchField?: string): Promise<WriteResult[]> {
  if (records.length === 0) return [];
  const body = {
    allOrNone: false,
    records: records.map((r) => toSObject(object, op, r)),
  };
  const res =
    op === 'create'
      ? await api.request<CollectionResult[]>({ method: 'POST', path: `${base}/composite/sobjects`, json: body })
      : op === 'update'
        ? await api.request<CollectionResult[]>({ method: 'PATCH', path: `${base}/composite/sobjects`, json: body })
        : await api.request<CollectionResult[]>({ method: 'PATCH', path: `${base}/composite/sobjects/${encodeURIComponent(object)}/${encodeURIComponent(requireMatch(matchField))}`, json: body });
  return records.map((_, i) => toWriteResult(res.body[i], op));
}

function toSObject(object: string, op: WriteOp, r: WriteInput): Record<string, unknown> {
  const out: Record<string, unknown> = { attributes: { type: object }, ...r.fields };
  if (op === 'update') {
    if (!r.id) throw new ValidationError('An update needs the record id.', { fields: ['Id'] });
    out.Id = r.id;
  }
  if (op === 'create') delete out.Id;
  return out;
}

const requireMatch = (matchField: string | undefined): string => {
  if (!matchField) throw new ValidationError('An upsert needs a match field (an external id field).', { fields: ['matchField'] });
  return matchField;
};

function toWriteResult(r: CollectionResult | undefined, op: WriteOp): WriteResult {
  if (!r) return { ok: false, error: { kind: 'transient', code: 'NO_RESULT', message: 'Salesforce returned no result for this record.', fields: [] } };
  if (r.success && r.id) return { ok: true, id: r.id, created: op === 'create' ? true : op === 'upsert' ? (r.created ?? false) : false };
  return { ok: false, error: toRecordError(r.errors), id: r.id ?? undefined };
}

/** Junction objects Salesforce uses where two records are linked by a third (role-bearing) record. */
const JUNCTIONS: Record<string, { object: string; fromField: string; toField: string; roleField?: string }> = {
  'Opportunity->Contact': { object: 'OpportunityContactRole', fromField: 'OpportunityId', toField: 'ContactId', roleField: 'Role' },
  'Contact->Opportunity': { object: 'OpportunityContactRole', fromField: 'ContactId', toField: 'OpportunityId', roleField: 'Role' },
  'Campaign->Contact': { object: 'CampaignMember', fromField: 'CampaignId', toField: 'ContactId', roleField: 'Status' },
  'Campaign->Lead': { object: 'CampaignMember', fromField: 'CampaignId', toField: 'LeadId', roleField: 'Status' },
};

export type LinkPlan = { kind: 'lookup'; object: string; id: string; field: string; value: string } | { kind: 'junction'; object: string; fields: Record<string, string> };

/** How one link is made: a lookup field on `from` (Contact.AccountId) or a junction record. */
export function planLink(link: AssociationInput, lookupFieldOf: (fromObject: string, toObject: string) => string | undefined): LinkPlan | undefined {
  const junction = JUNCTIONS[`${link.from.object}->${link.to.object}`];
  if (junction) {
    const fields: Record<string, string> = { [junction.fromField]: link.from.id, [junction.toField]: link.to.id };
    if (junction.roleField && link.role) fields[junction.roleField] = link.role;
    return { kind: 'junction', object: junction.object, fields };
  }
  const field = lookupFieldOf(link.from.object, link.to.object);
  return field ? { kind: 'lookup', object: link.from.object, id: link.from.id, field, value: link.to.id } : undefined;
}
