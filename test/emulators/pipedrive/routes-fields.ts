import type { EmuRequest, Router } from '../common/http';
import type { Ctx } from './context';
import { ApiError, invalidV2, notFound } from './errors';
import { fieldV1, fieldV2 } from './field-views';
import type { Guard } from './guard';
import { entityInfo, entityKinds, type EntityKind } from './model';
import { cursorPage, offsetPage } from './paging';
import { ok } from './reply';

/** /personFields, /organizationFields, /dealFields in v1 (offset pages, numeric ids) and v2 (cursor pages, field_code). */
export function registerFields(router: Router, ctx: Ctx, guard: Guard, v1: string[], v2: string): void {
  for (const kind of entityKinds) {
    const path = entityInfo[kind].fieldsPath;
    for (const prefix of v1) {
      router
        .on('GET', `${prefix}/${path}`, guard((req) => listV1(ctx, kind, req)))
        .on('POST', `${prefix}/${path}`, guard((req) => createField(ctx, kind, req, 'v1')))
        .on('GET', `${prefix}/${path}/:id`, guard((req) => getV1(ctx, kind, req)));
    }
    router
      .on('GET', `${v2}/${path}`, guard((req) => listV2(ctx, kind, req)))
      .on('POST', `${v2}/${path}`, guard((req) => createField(ctx, kind, req, 'v2')))
      .on('GET', `${v2}/${path}/:code`, guard((req) => getV2(ctx, kind, req)));
  }
}

function listV1(ctx: Ctx, kind: EntityKind, req: EmuRequest) {
  const page = offsetPage(ctx.fields.list(kind), req.query);
  return ok(page.items.map(fieldV1), { additional_data: { pagination: page.pagination } });
}

function getV1(ctx: Ctx, kind: EntityKind, req: EmuRequest) {
  const field = ctx.fields.byId(kind, Number(req.params.id));
  if (!field) throw notFound('Field');
  return ok(fieldV1(field));
}

function listV2(ctx: Ctx, kind: EntityKind, req: EmuRequest) {
  const page = cursorPage(ctx.fields.list(kind), req.query, (f) => f.id, 'asc');
  return ok(
    page.items.map((f) => fieldV2(f, includes(req))),
    { additional_data: { next_cursor: page.next_cursor } },
  );
}

function getV2(ctx: Ctx, kind: EntityKind, req: EmuRequest) {
  const field = ctx.fields.byKey(kind, req.params.code);
  if (!field) throw new ApiError(404, 'Field not found', 'ERR_NOT_FOUND');
  return ok(fieldV2(field, includes(req)));
}

const includes = (req: EmuRequest): string[] => req.query.get('include_fields')?.split(',') ?? [];

/** Options arrive as [{ label }] (both versions) or, in v1, plain strings. */
function optionLabels(raw: unknown, version: 'v1' | 'v2'): string[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw)) throw version === 'v2' ? invalidV2('options must be an array') : new ApiError(400, 'options must be an array');
  return raw.map((o) => (typeof o === 'string' && version === 'v1' ? o : String((o as { label?: unknown }).label ?? '')));
}

function createField(ctx: Ctx, kind: EntityKind, req: EmuRequest, version: 'v1' | 'v2') {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const name = version === 'v1' ? body.name : body.field_name;
  try {
    const field = ctx.fields.addCustom(kind, { name: String(name ?? ''), field_type: String(body.field_type ?? ''), options: optionLabels(body.options, version) });
    return ok(version === 'v1' ? fieldV1(field) : fieldV2(field));
  } catch (err) {
    if (version === 'v2' && err instanceof ApiError) throw invalidV2(err.message);
    throw err;
  }
}
