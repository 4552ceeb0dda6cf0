import { invalid } from './errors';

/**
 * Input coercion as GestãoClick's own examples need it: ids, flags and money arrive as numbers or
 * strings ("8", 8, "60.00", "1,000"); answers carry them as strings.
 */

/** A decimal from a number or a string; a comma is the decimal separator when present ("1.234,56"). */
export function parseDecimal(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const text = value.includes(',') ? value.replace(/\./g, '').replace(',', '.') : value;
  const n = Number(text.trim());
  return Number.isFinite(n) ? n : undefined;
}

/** An integer id from a number or a numeric string. */
export function parseId(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/** Text fields: strings as given, numbers as their text, null clears; anything else is invalid. */
export function parseText(field: string, value: unknown): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw invalid({ [field]: `O campo ${field} deve ser um texto.` });
}

/** The "1"/"0" flags (`ativo`); accepts booleans and numbers too. */
export function parseFlag(field: string, value: unknown): '1' | '0' | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (value === true || value === 1 || value === '1') return '1';
  if (value === false || value === 0 || value === '0') return '0';
  throw invalid({ [field]: `O campo ${field} deve ser 1 ou 0.` });
}

export const money2 = (n: number): string => n.toFixed(2);
export const money4 = (n: number): string => n.toFixed(4);
export const round2 = (n: number): number => Math.round(n * 100) / 100;

/** A JSON object body, or a validation error naming what was sent instead. */
export function objectBody(body: unknown): Record<string, unknown> {
  if (body && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>;
  throw invalid({ body: 'O corpo da requisição deve ser um objeto JSON.' });
}
