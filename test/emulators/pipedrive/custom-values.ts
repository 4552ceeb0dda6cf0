import { ApiError, invalidV2 } from './errors';
import type { FieldDef } from './fields';
import type { CustomValue } from './model';
import { isDate } from './time';

/**
 * Custom field values are stored in v2's form (enum = option id number, set = id array,
 * monetary = { value, currency }); v1 reads and writes them flat (enum "12", set "12,13",
 * monetary as `key` plus `key_currency`).
 */
type Version = 'v1' | 'v2';

const fail = (version: Version, field: FieldDef, what: string): ApiError => {
  const message = `Invalid value for custom field ${field.v2Code} (${field.name}): ${what}`;
  return version === 'v2' ? invalidV2(message) : new ApiError(400, message);
};

function optionId(version: Version, field: FieldDef, raw: unknown): number {
  const id = version === 'v1' && typeof raw === 'string' && /^\d+$/.test(raw.trim()) ? Number(raw) : raw;
  if (typeof id !== 'number' || !field.options?.some((o) => o.id === id)) {
    throw fail(version, field, `${JSON.stringify(raw)} is not an option id`);
  }
  return id;
}

function numberValue(version: Version, field: FieldDef, raw: unknown): number {
  const n = version === 'v1' && typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw fail(version, field, `${JSON.stringify(raw)} is not a number`);
  return n;
}

function setValue(version: Version, field: FieldDef, raw: unknown): number[] {
  if (version === 'v1' && typeof raw === 'string') return raw.split(',').filter((s) => s.trim()).map((s) => optionId(version, field, s));
  if (!Array.isArray(raw)) throw fail(version, field, 'expected an array of option ids');
  if (version === 'v2' && raw.length === 0) throw fail(version, field, 'send null, not an empty array, to clear a set');
  return raw.map((v) => optionId(version, field, v));
}

function scalar(version: Version, field: FieldDef, raw: unknown): CustomValue {
  switch (field.field_type) {
    case 'double':
      return numberValue(version, field, raw);
    case 'enum':
      return optionId(version, field, raw);
    case 'set':
      return setValue(version, field, raw);
    case 'user':
    case 'org':
    case 'people':
      return Math.trunc(numberValue(version, field, raw));
    case 'date':
      if (typeof raw !== 'string' || !isDate(raw)) throw fail(version, field, `${JSON.stringify(raw)} is not a YYYY-MM-DD date`);
      return raw;
    default:
      if (typeof raw === 'string') return raw;
      if (version === 'v1' && typeof raw === 'number') return String(raw);
      throw fail(version, field, 'expected a string');
  }
}

/** A v1 body value (`currency` is the `<key>_currency` companion of monetary fields). */
export function parseCustomV1(field: FieldDef, raw: unknown, currency: unknown, fallbackCurrency: string): CustomValue {
  if (raw === null || raw === '') return null;
  if (field.field_type === 'monetary') {
    return { value: numberValue('v1', field, raw), currency: typeof currency === 'string' && currency ? currency : fallbackCurrency };
  }
  return scalar('v1', field, raw);
}

export function parseCustomV2(field: FieldDef, raw: unknown): CustomValue {
  if (raw === null) return null;
  if (field.field_type === 'monetary') {
    const m = raw as { value?: unknown; currency?: unknown };
    if (typeof m !== 'object' || typeof m.value !== 'number' || typeof m.currency !== 'string') {
      throw fail('v2', field, 'expected { value: number, currency: string }');
    }
    return { value: m.value, currency: m.currency };
  }
  return scalar('v2', field, raw);
}

/** The v1 top-level entries of one custom field (two for monetary). */
export function customToV1(field: FieldDef, value: CustomValue | undefined): Record<string, unknown> {
  const v = value ?? null;
  if (field.field_type === 'monetary') {
    const m = v as { value: number; currency: string } | null;
    return { [field.key]: m?.value ?? null, [`${field.key}_currency`]: m?.currency ?? null };
  }
  if (field.field_type === 'enum') return { [field.key]: v === null ? null : String(v) };
  if (field.field_type === 'set') return { [field.key]: v === null ? null : (v as number[]).join(',') };
  return { [field.key]: v };
}

export function customToV2(field: FieldDef, value: CustomValue, withLabels: boolean): unknown {
  if (!withLabels || value === null) return value;
  const label = (id: number) => ({ id, label: field.options?.find((o) => o.id === id)?.label ?? null });
  if (field.field_type === 'enum') return label(value as number);
  if (field.field_type === 'set') return (value as number[]).map(label);
  return value;
}
