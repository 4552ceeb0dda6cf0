import type { Ctx } from './context';
import { parseCustomV1, parseCustomV2 } from './custom-values';
import type { ContactPoint, CustomValue, EntityKind } from './model';
import type { BodyReader } from './reader';
import { parseV1, parseRfc3339 } from './time';

/** Reads one emails/phones list: v1 takes a string, strings or objects; v2 only objects. */
export function readContacts(r: BodyReader, key: string): ContactPoint[] | undefined {
  const raw = r.raw(key);
  if (raw === undefined) return undefined;
  if (raw === null || raw === '') return [];
  const items = r.version === 'v1' && !Array.isArray(raw) ? [raw] : raw;
  if (!Array.isArray(items)) throw r.error(`${key} must be an array`);
  const points = items.map((item) => contactPoint(r, key, item)).filter((p) => p.value !== '');
  const primary = points.findIndex((p) => p.primary);
  return points.map((p, i) => ({ ...p, primary: i === (primary === -1 ? 0 : primary) }));
}

function contactPoint(r: BodyReader, key: string, item: unknown): ContactPoint {
  if (r.version === 'v1' && typeof item === 'string') return { value: item.trim(), primary: false, label: 'work' };
  const o = item as { value?: unknown; primary?: unknown; label?: unknown };
  if (typeof o !== 'object' || o === null || typeof o.value !== 'string') throw r.error(`${key} items need a string value`);
  const primary = o.primary === true || (r.version === 'v1' && (o.primary === 'true' || o.primary === 1 || o.primary === '1'));
  if (r.version === 'v2' && o.primary !== undefined && typeof o.primary !== 'boolean') throw r.error(`${key}.primary must be a boolean`);
  if (o.label !== undefined && typeof o.label !== 'string') throw r.error(`${key}.label must be a string`);
  return { value: o.value.trim(), primary, label: (o.label as string | undefined) || 'work' };
}

/** Custom values: v1 puts hash keys at the top level (unknown keys are ignored), v2 nests them in custom_fields. */
export function readCustom(ctx: Ctx, kind: EntityKind, r: BodyReader): Record<string, CustomValue> | undefined {
  const out: Record<string, CustomValue> = {};
  if (r.version === 'v1') {
    for (const field of ctx.fields.custom(kind)) {
      if (!r.has(field.key)) continue;
      out[field.key] = parseCustomV1(field, r.raw(field.key), r.raw(`${field.key}_currency`), ctx.company.currency);
    }
    return Object.keys(out).length ? out : undefined;
  }
  const raw = r.raw('custom_fields');
  if (raw === undefined) return undefined;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw r.error('custom_fields must be an object');
  for (const [key, value] of Object.entries(raw)) {
    const field = ctx.fields.custom(kind).find((f) => f.key === key);
    if (!field) throw r.error(`Custom field with field_code ${key} does not exist`);
    out[key] = parseCustomV2(field, value);
  }
  return out;
}

export function readVisibleTo(r: BodyReader): number | undefined {
  const v = r.int('visible_to');
  if (v === undefined || v === null) return undefined;
  if (![1, 3, 5, 7].includes(v)) throw r.error('visible_to must be one of 1, 3, 5, 7');
  return v;
}

export function readOwner(ctx: Ctx, r: BodyReader, key: string): number | undefined {
  const id = r.int(key);
  if (id === undefined || id === null) return undefined;
  if (!ctx.users.some((u) => u.id === id)) throw r.error(`User with id ${id} not found`);
  return id;
}

/** A link to another entity; it must exist and not be deleted. */
export function readLink(ctx: Ctx, r: BodyReader, key: string, kind: EntityKind, label: string): number | null | undefined {
  const id = r.int(key);
  if (id === undefined || id === null) return id;
  if (id === 0 && r.version === 'v1') return null;
  if (!ctx.store.getActive(kind, id)) throw r.error(`${label} with id ${id} not found`);
  return id;
}

/** A timestamp in the version's format (v1 `YYYY-MM-DD HH:MM:SS`, v2 RFC 3339). */
export function readTime(r: BodyReader, key: string): number | null | undefined {
  const v = r.string(key);
  if (v === undefined || v === null) return v;
  const ms = r.version === 'v1' ? parseV1(v) : parseRfc3339(v);
  if (ms === undefined) throw r.error(`${key} is not a valid ${r.version === 'v1' ? 'YYYY-MM-DD HH:MM:SS' : 'RFC 3339'} time`);
  return ms;
}

/** Drops keys whose value is undefined, so a patch only carries what the request set. */
export function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
