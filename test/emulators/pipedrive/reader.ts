import { ApiError, invalidV2 } from './errors';
import type { Version } from './context';

/**
 * Reads request bodies with each version's strictness: v1 (JSON or form-encoded) turns
 * numeric strings into numbers and "1"/"0" into booleans; v2 takes JSON types only.
 */
export class BodyReader {
  readonly body: Record<string, unknown>;

  constructor(
    readonly version: Version,
    body: unknown,
  ) {
    if (body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body))) {
      throw this.error('Request body must be a JSON object');
    }
    this.body = (body ?? {}) as Record<string, unknown>;
  }

  error(message: string): ApiError {
    return this.version === 'v2' ? invalidV2(message) : new ApiError(400, message);
  }

  has(key: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.body, key) && this.body[key] !== undefined;
  }

  raw(key: string): unknown {
    return this.body[key];
  }

  /** undefined when absent, null when explicitly null. */
  string(key: string): string | null | undefined {
    const v = this.body[key];
    if (v === undefined || v === null) return v;
    if (typeof v === 'string') return v;
    if (this.version === 'v1' && typeof v === 'number') return String(v);
    throw this.error(`${key} must be a string`);
  }

  int(key: string): number | null | undefined {
    const v = this.body[key];
    if (v === undefined || v === null) return v;
    if (this.version === 'v1' && v === '') return null;
    const n = this.version === 'v1' && typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isInteger(n)) throw this.error(`${key} must be an integer`);
    return n;
  }

  number(key: string): number | null | undefined {
    const v = this.body[key];
    if (v === undefined || v === null) return v;
    const n = this.version === 'v1' && typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isFinite(n)) throw this.error(`${key} must be a number`);
    return n;
  }

  bool(key: string): boolean | undefined {
    const v = this.body[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'boolean') return v;
    if (this.version === 'v1' && (v === 1 || v === '1' || v === 'true')) return true;
    if (this.version === 'v1' && (v === 0 || v === '0' || v === 'false')) return false;
    throw this.error(`${key} must be a boolean`);
  }

  intArray(key: string): number[] | undefined {
    const v = this.body[key];
    if (v === undefined || v === null) return v === null ? [] : undefined;
    const list = this.version === 'v1' && typeof v === 'string' ? v.split(',').filter(Boolean).map(Number) : v;
    if (!Array.isArray(list) || !list.every((n) => Number.isInteger(n))) throw this.error(`${key} must be an array of integers`);
    return list as number[];
  }
}
