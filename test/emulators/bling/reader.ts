import { FIELD_CODES, fieldError, missingBody, validationError, type FieldError } from './errors';
import { isDate } from '../common/brasilia-time';

export type Source = Record<string, unknown>;

const isObject = (v: unknown): v is Source => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The request body as an object; an empty or missing body is Bling's MISSING_REQUIRED_FIELD_ERROR. */
export function bodyObject(body: unknown): Source {
  if (!isObject(body) || Object.keys(body).length === 0) throw missingBody();
  return body;
}

/**
 * Reads a JSON body field by field, collecting every problem as a Bling field error (element =
 * the field's dotted path) so one answer names them all.
 */
export class Reader {
  readonly errors: FieldError[] = [];

  constructor(private readonly namespace: string) {}

  fail(element: string, msg: string, code: number = FIELD_CODES.invalid): void {
    this.errors.push(fieldError(code, msg, element, this.namespace));
  }

  /** Absent or null is ""; numbers are taken as their text. */
  text(src: Source, key: string, at = key): string {
    const v = src[key];
    if (v === undefined || v === null) return '';
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return String(v);
    this.fail(at, `O campo ${at} deve ser um texto.`);
    return '';
  }

  num(src: Source, key: string, fallback: number, at = key): number {
    const v = src[key];
    if (v === undefined || v === null || v === '') return fallback;
    const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
    if (Number.isFinite(n)) return n;
    this.fail(at, `O campo ${at} deve ser numérico.`);
    return fallback;
  }

  /** A nested object's id (`contato: { id }`), 0 when absent. */
  id(src: Source, key: string, at = `${key}.id`): number {
    const inner = this.obj(src, key, key);
    const id = this.num(inner, 'id', 0, at);
    if (!Number.isInteger(id) || id < 0) this.fail(at, `O campo ${at} deve ser um id.`);
    return id;
  }

  obj(src: Source, key: string, at = key): Source {
    const v = src[key];
    if (v === undefined || v === null) return {};
    if (isObject(v)) return v;
    this.fail(at, `O campo ${at} deve ser um objeto.`);
    return {};
  }

  list(src: Source, key: string, at = key): Source[] {
    const v = src[key];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      this.fail(at, `O campo ${at} deve ser uma lista.`);
      return [];
    }
    return v.filter((item, i) => isObject(item) || (this.fail(`${at}[${i}]`, `Cada item de ${at} deve ser um objeto.`), false)) as Source[];
  }

  oneOf<T extends string | number>(src: Source, key: string, allowed: readonly T[], fallback: T, at = key): T {
    const v = src[key];
    if (v === undefined || v === null || v === '') return fallback;
    if ((allowed as readonly unknown[]).includes(v)) return v as T;
    this.fail(at, `O campo ${at} deve ser um de: ${allowed.join(', ')}.`);
    return fallback;
  }

  /** `YYYY-MM-DD` or "" when absent. */
  date(src: Source, key: string, at = key): string {
    const v = this.text(src, key, at);
    if (v && !isDate(v)) this.fail(at, `O campo ${at} deve ser uma data no formato AAAA-MM-DD.`);
    return v;
  }

  required(value: string | number, at: string): void {
    if (value === '' || value === 0) this.fail(at, `O campo ${at} é obrigatório.`, FIELD_CODES.required);
  }

  throwIfAny(message: string): void {
    if (this.errors.length) throw validationError(this.errors, message);
  }
}
