import type { FieldMeta } from '../../providers/provider';
import type { LocalType } from './local-fields';
import { asText, isBlank, isoDate, looksLikeEmail, parseBoolean, parseInstant, parseNumber } from './values';

export interface CoerceProblem {
  code: string;
  message: string;
}

export type Coerced = { ok: true; value: unknown } | { ok: false; problem: CoerceProblem };

const ok = (value: unknown): Coerced => ({ ok: true, value });
const bad = (code: string, message: string): Coerced => ({ ok: false, problem: { code, message } });

/** Allowed picklist values, the canonical spelling for a case-insensitive match. */
function pickValue(field: FieldMeta, text: string): string | undefined {
  const active = (field.picklist ?? []).filter((o) => o.active);
  return active.find((o) => o.value === text)?.value ?? active.find((o) => o.value.toLowerCase() === text.toLowerCase())?.value;
}

function picklist(field: FieldMeta, text: string): Coerced {
  if (!field.picklist?.length) return ok(text);
  const v = pickValue(field, text);
  return v !== undefined ? ok(v) : bad('PICKLIST_VALUE_NOT_ALLOWED', `"${text}" is not an allowed value of ${field.label} (${field.name})`);
}

function multipicklist(field: FieldMeta, v: unknown): Coerced {
  const parts = (Array.isArray(v) ? v.map(asText) : asText(v).split(';')).map((s) => s.trim()).filter(Boolean);
  const out: string[] = [];
  for (const p of parts) {
    const r = picklist(field, p);
    if (!r.ok) return r;
    out.push(r.value as string);
  }
  return ok(out);
}

function text(field: FieldMeta, v: unknown): Coerced {
  const s = asText(v);
  if (field.length !== undefined && s.length > field.length) {
    return bad('STRING_TOO_LONG', `${field.label} (${field.name}) takes at most ${field.length} characters; the value has ${s.length}`);
  }
  return ok(s);
}

/**
 * A pushed value in the form the CRM field takes: text, number, boolean, `YYYY-MM-DD` for
 * dates, ISO 8601 for datetimes, an array for multi-select picklists. Blank → null.
 */
export function toCrmValue(field: FieldMeta, v: unknown): Coerced {
  if (isBlank(v)) return ok(null);
  const name = `${field.label} (${field.name})`;
  switch (field.type) {
    case 'email': {
      const s = asText(v).trim();
      return looksLikeEmail(s) ? text(field, s) : bad('INVALID_EMAIL', `"${s}" is not an email address for ${name}`);
    }
    case 'number':
    case 'currency':
    case 'percent':
    case 'integer': {
      const n = parseNumber(v);
      if (n === undefined) return bad('INVALID_NUMBER', `"${asText(v)}" is not a number for ${name}`);
      if (field.type === 'integer' && !Number.isInteger(n)) return bad('INVALID_NUMBER', `${name} takes whole numbers; got ${n}`);
      return ok(n);
    }
    case 'boolean': {
      const b = parseBoolean(v);
      return b === undefined ? bad('INVALID_BOOLEAN', `"${asText(v)}" is not yes/no for ${name}`) : ok(b);
    }
    case 'date':
    case 'datetime': {
      const d = parseInstant(v);
      if (!d) return bad('INVALID_DATE', `"${asText(v)}" is not a date for ${name}`);
      return ok(field.type === 'date' ? isoDate(d) : d.toISOString());
    }
    case 'picklist':
      return picklist(field, asText(v).trim());
    case 'multipicklist':
      return multipicklist(field, v);
    case 'id':
      return bad('READ_ONLY_FIELD', `${name} is the CRM's record id and cannot be written`);
    default:
      return text(field, v);
  }
}

/** A pulled CRM value in the local field's type. Blank → null. */
export function toLocalValue(type: LocalType, v: unknown): Coerced {
  if (isBlank(v)) return ok(null);
  switch (type) {
    case 'number':
    case 'integer': {
      const n = parseNumber(v);
      return n === undefined ? bad('INVALID_NUMBER', `"${asText(v)}" is not a number`) : ok(type === 'integer' ? Math.round(n) : n);
    }
    case 'boolean': {
      const b = parseBoolean(v);
      return b === undefined ? bad('INVALID_BOOLEAN', `"${asText(v)}" is not yes/no`) : ok(b);
    }
    case 'date':
    case 'datetime': {
      const d = parseInstant(v);
      if (!d) return bad('INVALID_DATE', `"${asText(v)}" is not a date`);
      return ok(type === 'date' ? isoDate(d) : d.toISOString());
    }
    case 'email':
      return ok(asText(v).trim().toLowerCase());
    default:
      return ok(asText(v));
  }
}
