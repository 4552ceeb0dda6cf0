import type { ObjectType } from './object-types';

/** One HubSpot-defined association type between two standard objects. */
export interface AssociationTypeDef {
  typeId: number;
  from: ObjectType;
  to: ObjectType;
  /** "Primary" for the primary company / deal-company types, null for unlabeled ones. */
  label: string | null;
  /** The v3 `type` name shown in `associations` on object reads. */
  name: string;
  inverse: number;
  /** The type the `default` endpoints create. */
  isDefault: boolean;
}

const t = (typeId: number, from: ObjectType, to: ObjectType, label: string | null, name: string, inverse: number, isDefault: boolean) => ({
  typeId,
  from,
  to,
  label,
  name,
  inverse,
  isDefault,
});

/** HubSpot's published HUBSPOT_DEFINED type ids for the pairs the product uses. */
export const ASSOCIATION_TYPES: AssociationTypeDef[] = [
  t(1, 'contacts', 'companies', 'Primary', 'contact_to_company', 2, false),
  t(2, 'companies', 'contacts', 'Primary', 'company_to_contact', 1, false),
  t(279, 'contacts', 'companies', null, 'contact_to_company_unlabeled', 280, true),
  t(280, 'companies', 'contacts', null, 'company_to_contact_unlabeled', 279, true),
  t(3, 'deals', 'contacts', null, 'deal_to_contact', 4, true),
  t(4, 'contacts', 'deals', null, 'contact_to_deal', 3, true),
  t(5, 'deals', 'companies', 'Primary', 'deal_to_company', 6, false),
  t(6, 'companies', 'deals', 'Primary', 'company_to_deal', 5, false),
  t(341, 'deals', 'companies', null, 'deal_to_company_unlabeled', 342, true),
  t(342, 'companies', 'deals', null, 'company_to_deal_unlabeled', 341, true),
];

export function associationType(typeId: number): AssociationTypeDef | undefined {
  return ASSOCIATION_TYPES.find((a) => a.typeId === typeId);
}

export function defaultAssociationType(from: ObjectType, to: ObjectType): AssociationTypeDef | undefined {
  return ASSOCIATION_TYPES.find((a) => a.from === from && a.to === to && a.isDefault);
}

/** The v4 `associationTypes` entry for one type id. */
export function typeSpec(typeId: number): { category: 'HUBSPOT_DEFINED'; typeId: number; label: string | null } {
  return { category: 'HUBSPOT_DEFINED', typeId, label: associationType(typeId)?.label ?? null };
}
