import { z } from 'zod';
import { json, type Router } from '../common/http';
import { boolParam, guard, jsonObject, objectTypeParam, scopeByParam, type ApiContext } from './api';
import { HubApiError, validationError } from './errors';
import type { ObjectType } from './object-types';
import { FIELD_TYPES, toApiProperty, type PropertyDef, type PropertyType } from './properties';
import type { HubStore } from './store';

const OptionInput = z.object({
  label: z.string().min(1),
  value: z.string().min(1),
  description: z.string().optional(),
  displayOrder: z.number().int().optional(),
  hidden: z.boolean().optional(),
});

export const PropertyCreateSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/, 'name must start with a lower-case letter and hold only a-z, 0-9 and _'),
  label: z.string().min(1),
  type: z.enum(['string', 'number', 'date', 'datetime', 'enumeration', 'bool', 'phone_number']),
  fieldType: z.string().min(1),
  groupName: z.string().min(1),
  description: z.string().optional(),
  options: z.array(OptionInput).optional(),
  displayOrder: z.number().int().optional(),
  hasUniqueValue: z.boolean().optional(),
  hidden: z.boolean().optional(),
  formField: z.boolean().optional(),
  calculationFormula: z.string().optional(),
  externalOptions: z.boolean().optional(),
});
export type PropertyCreate = z.infer<typeof PropertyCreateSchema>;

const toOptions = (options: PropertyCreate['options']) =>
  (options ?? []).map((o, i) => ({ label: o.label, value: o.value, description: o.description, displayOrder: o.displayOrder ?? i, hidden: o.hidden ?? false }));

/** Builds a custom property definition, checking type/fieldType pairs and options as HubSpot does. */
export function buildCustomProperty(input: PropertyCreate, nowIso: string): PropertyDef {
  if (!FIELD_TYPES[input.type as PropertyType].includes(input.fieldType)) {
    throw validationError(`fieldType ${input.fieldType} is not valid for type ${input.type}; expected one of ${FIELD_TYPES[input.type as PropertyType].join(', ')}`);
  }
  if (input.type === 'enumeration' && (input.options ?? []).length === 0 && input.fieldType !== 'booleancheckbox') {
    throw validationError(`Enumeration property ${input.name} needs at least one option`);
  }
  const options =
    input.type === 'bool' || input.fieldType === 'booleancheckbox'
      ? toOptions([
          { label: 'Yes', value: 'true' },
          { label: 'No', value: 'false' },
        ])
      : toOptions(input.options);
  const calculated = input.fieldType === 'calculation_equation';
  return {
    name: input.name,
    label: input.label,
    type: input.type,
    fieldType: input.fieldType,
    groupName: input.groupName,
    description: input.description ?? '',
    options,
    displayOrder: input.displayOrder ?? -1,
    calculated,
    calculationFormula: input.calculationFormula,
    hasUniqueValue: input.hasUniqueValue ?? false,
    hidden: input.hidden ?? false,
    hubspotDefined: false,
    formField: input.formField ?? false,
    externalOptions: input.externalOptions ?? false,
    readOnlyValue: calculated,
    readOnlyDefinition: false,
    archivable: true,
    createdAt: nowIso,
    updatedAt: nowIso,
    archived: false,
  };
}

function parseCreate(body: unknown): PropertyCreate {
  const parsed = PropertyCreateSchema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw validationError(`Invalid input JSON: ${issue.path.join('.') || 'body'}: ${issue.message}`, {
    errors: parsed.error.issues.map((i) => ({ message: i.message, in: i.path.join('.') })),
  });
}

function requireProperty(store: HubStore, type: ObjectType, name: string, archived = false): PropertyDef {
  const def = store.propertyIncludingArchived(type, name);
  if (!def || def.archived !== archived) {
    throw new HubApiError(404, 'OBJECT_NOT_FOUND', `Unable to find property with name ${name} on ${type}`, { context: { name: [name] } });
  }
  return def;
}

const PatchSchema = PropertyCreateSchema.pick({ label: true, description: true, groupName: true, options: true, displayOrder: true, hidden: true, formField: true }).partial();

/** /crm/v3/properties/{objectType}: list, read, create, update and archive property definitions. */
export function registerPropertyRoutes(router: Router, ctx: ApiContext): void {
  const { store } = ctx;
  const read = { scopes: scopeByParam('read', 'objectType', true), limit: 'general' as const };
  const write = { scopes: scopeByParam('write', 'objectType', true), limit: 'general' as const };
  const nowIso = () => new Date(ctx.now()).toISOString();

  router
    .on(
      'GET',
      '/crm/v3/properties/:objectType',
      guard(ctx, read, (req) => {
        const type = objectTypeParam(req.params);
        return json(200, { results: store.propertyList(type, boolParam(req, 'archived')).map(toApiProperty) });
      }),
    )
    .on(
      'GET',
      '/crm/v3/properties/:objectType/:propertyName',
      guard(ctx, read, (req) => {
        const type = objectTypeParam(req.params);
        return json(200, toApiProperty(requireProperty(store, type, req.params.propertyName, boolParam(req, 'archived'))));
      }),
    )
    .on(
      'POST',
      '/crm/v3/properties/:objectType',
      guard(ctx, write, (req) => {
        const type = objectTypeParam(req.params);
        const input = parseCreate(jsonObject(req));
        if (store.propertyIncludingArchived(type, input.name)) {
          throw new HubApiError(409, 'OBJECT_ALREADY_EXISTS', `Property named '${input.name}' already exists.`, { context: { name: [input.name] } });
        }
        const def = buildCustomProperty(input, nowIso());
        store.putProperty(type, def);
        return json(201, toApiProperty(def));
      }),
    )
    .on(
      'PATCH',
      '/crm/v3/properties/:objectType/:propertyName',
      guard(ctx, write, (req) => {
        const type = objectTypeParam(req.params);
        const def = requireProperty(store, type, req.params.propertyName);
        if (def.readOnlyDefinition) throw validationError(`Property ${def.name} is defined by HubSpot and cannot be changed.`);
        const parsed = PatchSchema.safeParse(jsonObject(req));
        if (!parsed.success) throw validationError(`Invalid input JSON: ${parsed.error.issues[0].message}`);
        const { options, ...rest } = parsed.data;
        const updated: PropertyDef = { ...def, ...rest, ...(options ? { options: toOptions(options) } : {}), updatedAt: nowIso() };
        store.putProperty(type, updated);
        return json(200, toApiProperty(updated));
      }),
    )
    .on(
      'DELETE',
      '/crm/v3/properties/:objectType/:propertyName',
      guard(ctx, write, (req) => {
        const type = objectTypeParam(req.params);
        const def = requireProperty(store, type, req.params.propertyName);
        if (!def.archivable) throw validationError(`Property ${def.name} is defined by HubSpot and cannot be archived.`);
        store.putProperty(type, { ...def, archived: true, archivedAt: nowIso(), updatedAt: nowIso() });
        return { status: 204 };
      }),
    );
}
