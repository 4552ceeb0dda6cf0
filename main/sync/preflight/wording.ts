/**
 * What the preflight says, each sentence naming the problem and then the fix in words a person
 * can forward to their CRM admin. Messages carry no final period: the mapping editor joins them.
 */

/** `Contact.Phone`: how admins find a field in their setup screens. */
export const fieldPath = (object: string, field: string): string => `${object}.${field}`;

export interface Who {
  /** The CRM's display name (Salesforce, HubSpot). */
  crm: string;
  /** The object as the user knows it (Contact, Deal). */
  object: string;
}

export const objectReadOnly = ({ crm, object }: Who): string =>
  `Your ${crm} user may not create or edit ${object} records, so nothing can be pushed to them: ask your ${crm} admin for Create and Edit permission on ${object} (object permissions), or switch the ${object} mapping off`;

export const objectNotCreateable = ({ crm, object }: Who): string =>
  `Your ${crm} user may not create ${object} records, so new records cannot be pushed: ask your ${crm} admin for Create permission on ${object} (object permissions), or switch the ${object} mapping off`;

export const objectNotUpdateable = ({ crm, object }: Who): string =>
  `Your ${crm} user may not edit ${object} records, so changes cannot be pushed: ask your ${crm} admin for Edit permission on ${object} (object permissions), or switch the ${object} mapping off`;

export const objectNotVisible = ({ crm, object }: Who): string =>
  `Your ${crm} user cannot see ${object} records, so its mapping is skipped: ask your ${crm} admin for Read access to ${object} (object permissions)`;

/** A pushed field the user may read but not write. `canPull`: the mapping's source can come back (a local field). */
export const fieldReadOnly = (crm: string, path: string, canPull: boolean): string =>
  `Your ${crm} user cannot edit ${path}: ask your ${crm} admin for Edit access to ${path} (field-level security), or ${canPull ? 'set this field to pull only' : 'remove it from the mapping'}`;

/** A mapped field describe does not show: hidden from this user, or gone. */
export const fieldHidden = (crm: string, path: string, pushes: boolean): string =>
  `${path} is not visible to your ${crm} user: field-level security hides it, or it no longer exists. Ask your ${crm} admin for ${pushes ? 'Read and Edit' : 'Read'} access to ${path} (field-level security), or remove it from the mapping`;

export const matchFieldReadOnly = (crm: string, path: string): string =>
  `Records are matched on ${path}, which your ${crm} user cannot edit: ask your ${crm} admin for Edit access to ${path} (field-level security), or match records on another field`;

export const matchFieldHidden = (crm: string, path: string): string =>
  `Records are matched on ${path}, which is not visible to your ${crm} user: ask your ${crm} admin for Read and Edit access to ${path} (field-level security), or match records on another field`;

const list = (scopes: string[]): string => (scopes.length === 1 ? `the ${scopes[0]} scope` : `the scopes ${scopes.join(', ')}`);

const ACCESS = { read: 'read', write: 'created or updated', both: 'read or written' } as const;

export const missingScopes = ({ crm, object }: Who, scopes: string[], access: keyof typeof ACCESS): string =>
  `The ${crm} sign-in was not granted ${list(scopes)}, so ${object} records cannot be ${ACCESS[access]}: reconnect ${crm} with a sign-in or token that has ${scopes.length === 1 ? 'it' : 'them'}, or switch the ${object} mapping off`;

/** How a switched-off mapping's problem reads: it matters only once the mapping is on. */
export const whenSwitchedOn = (message: string): string => `Before switching this mapping on: ${message}`;
