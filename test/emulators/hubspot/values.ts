import type { PropertyDef } from './properties';
import type { PropertyProblem } from './errors';

/** A normalised value to store (null clears it), or the problem HubSpot would report. */
export type Normalized = { value: string | null } | { problem: PropertyProblem };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const problem = (def: PropertyDef, error: string, message: string): Normalized => ({ problem: { name: def.name, error, message } });

/** HubSpot takes JSON strings, numbers and booleans for any property and stores them as text. */
export function asText(raw: unknown): string | undefined {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  return undefined;
}

/** Epoch milliseconds from an epoch-ms number/string or an ISO 8601 date(-time); NaN when neither. */
export function toEpochMs(text: string): number {
  if (/^-?\d+$/.test(text.trim())) return Number(text.trim());
  if (!/^\d{4}-\d{2}-\d{2}/.test(text.trim())) return NaN;
  return Date.parse(text.trim());
}

function normalizeEnumeration(def: PropertyDef, text: string): Normalized {
  const allowed = def.options.map((o) => o.value);
  const parts = def.fieldType === 'checkbox' ? text.split(';').filter((p) => p !== '') : [text];
  const bad = parts.find((p) => !allowed.includes(p));
  if (bad !== undefined && !def.readOnlyValue) {
    return problem(def, 'INVALID_OPTION', `${bad} was not one of the allowed options: [${allowed.join(', ')}]`);
  }
  return { value: parts.join(';') };
}

function normalizeDate(def: PropertyDef, text: string): Normalized {
  const ms = toEpochMs(text);
  if (Number.isNaN(ms)) return problem(def, 'INVALID_DATE', `${text} was not a valid date.`);
  if (ms % 86_400_000 !== 0) return problem(def, 'INVALID_DATE', `${text} is not at midnight UTC; date properties only take whole days.`);
  return { value: new Date(ms).toISOString().slice(0, 10) };
}

function normalizeDatetime(def: PropertyDef, text: string): Normalized {
  const ms = toEpochMs(text);
  if (Number.isNaN(ms)) return problem(def, 'INVALID_DATETIME', `${text} was not a valid datetime.`);
  return { value: new Date(ms).toISOString() };
}

/** Checks and normalises one incoming value against its definition; '' clears the value. */
export function normalizeValue(def: PropertyDef, raw: unknown): Normalized {
  const text = asText(raw);
  if (text === undefined) return problem(def, 'INVALID_PROPERTY_VALUE', `${JSON.stringify(raw)} is not a valid value for ${def.name}.`);
  if (text === '') return { value: null };
  switch (def.type) {
    case 'number':
      return Number.isFinite(Number(text)) && text.trim() !== ''
        ? { value: text.trim() }
        : problem(def, 'INVALID_DOUBLE', `${text} was not a valid number.`);
    case 'bool': {
      const lower = text.toLowerCase();
      return lower === 'true' || lower === 'false' ? { value: lower } : problem(def, 'INVALID_BOOLEAN', `${text} was not a valid boolean.`);
    }
    case 'enumeration':
      return normalizeEnumeration(def, text);
    case 'date':
      return normalizeDate(def, text);
    case 'datetime':
      return normalizeDatetime(def, text);
    default:
      if (def.name === 'email') {
        const email = text.trim().toLowerCase();
        return EMAIL.test(email) ? { value: email } : problem(def, 'INVALID_EMAIL', `Email address ${text} is invalid`);
      }
      return { value: text };
  }
}
