import type { FieldMeta } from '../../../providers/provider';
import type { CrmFieldView, LocalFieldView, LocalKindView, MappingIssueView } from '../../../../shared/ipc/channels/mappings';
import type { MappingIssue } from '../issues';
import { localFields, type LocalField } from '../local-fields';

/** What the editor shows of a CRM field; `pushable` is the one rule the UI needs to offer pull only. */
export function crmFieldView(f: FieldMeta): CrmFieldView {
  return {
    name: f.name,
    label: f.label || f.name,
    type: f.type,
    vendorType: f.vendorType,
    ...(f.length !== undefined ? { length: f.length } : {}),
    required: f.required,
    createable: f.createable,
    updateable: f.updateable,
    calculated: f.calculated,
    readOnly: f.readOnly,
    unique: f.unique,
    externalId: f.externalId,
    custom: f.custom,
    pushable: !f.calculated && !f.readOnly && (f.createable || f.updateable),
    ...(f.picklist ? { picklist: f.picklist.map((o) => ({ value: o.value, label: o.label, active: o.active })) } : {}),
    ...(f.reference ? { reference: { targets: f.reference.targets, ...(f.reference.relationshipName ? { relationshipName: f.reference.relationshipName } : {}) } } : {}),
  };
}

/** Names people know the local kinds by. */
export const kindLabels: Record<string, string> = { person: 'Ticket buyer', order: 'Order', company: 'Company' };

const localView = (f: LocalField, custom: boolean): LocalFieldView => ({ name: f.name, label: f.label, type: f.type, writable: f.writable, custom });

/** Every local kind's fields, plus the custom fields the imported data carries (custom.<key>). */
export function localCatalogue(customKeys: Record<string, string[]>): LocalKindView[] {
  return Object.entries(localFields).map(([kind, fields]) => ({
    kind,
    label: kindLabels[kind] ?? kind,
    fields: [
      ...fields.map((f) => localView(f, false)),
      ...(customKeys[kind] ?? []).map((key) => ({ name: `custom.${key}`, label: key, type: 'string', writable: true, custom: true })),
    ],
  }));
}

export const issueView = (i: MappingIssue): MappingIssueView => ({
  severity: i.severity,
  code: i.code,
  message: i.message,
  ...(i.crmField !== undefined ? { crmField: i.crmField } : {}),
  ...(i.localField !== undefined ? { localField: i.localField } : {}),
  ...(i.index !== undefined ? { index: i.index } : {}),
});
