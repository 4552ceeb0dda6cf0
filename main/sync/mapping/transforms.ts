import type { Transform } from './model';
import { formatDate, parseDate } from './date-pattern';
import { asText, isBlank, parseInstant } from './values';

/** Thrown for a value a transform cannot handle; becomes a record issue naming the field. */
export class TransformError extends Error {}

/** First word / the rest: "Ludwig van Beethoven" → "Ludwig" + "van Beethoven". */
export function splitFullName(full: string): { first: string; last: string } {
  const words = full.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { first: '', last: '' };
  return { first: words[0], last: words.slice(1).join(' ') };
}

function pushOne(v: unknown, t: Transform): unknown {
  switch (t.kind) {
    case 'trim':
      return typeof v === 'string' ? v.trim() : v;
    case 'lower':
      return typeof v === 'string' ? v.toLowerCase() : v;
    case 'upper':
      return typeof v === 'string' ? v.toUpperCase() : v;
    case 'dateFormat': {
      if (isBlank(v)) return v;
      const d = parseInstant(v);
      if (!d) throw new TransformError(`"${asText(v)}" is not a date`);
      return formatDate(d, t.pattern);
    }
    case 'splitName':
      return isBlank(v) ? v : splitFullName(asText(v))[t.part];
    case 'default':
      return isBlank(v) ? t.value : v;
  }
}

function pullOne(v: unknown, t: Transform): unknown {
  switch (t.kind) {
    case 'trim':
    case 'lower':
    case 'upper':
      return pushOne(v, t);
    case 'dateFormat': {
      if (isBlank(v)) return v;
      const d = parseDate(asText(v), t.pattern);
      if (!d) throw new TransformError(`"${asText(v)}" does not match the date pattern ${t.pattern}`);
      return d.toISOString();
    }
    case 'splitName':
      // Validation keeps splitName off pulled fields; a stray one passes the value through.
      return v;
    case 'default':
      return typeof v === 'string' && v === t.value ? null : v;
  }
}

/** Runs the transforms in order, local value → CRM value. */
export const applyPushTransforms = (v: unknown, ts: readonly Transform[] = []): unknown => ts.reduce(pushOne, v);

/** Undoes them in reverse order, CRM value → local value. */
export const applyPullTransforms = (v: unknown, ts: readonly Transform[] = []): unknown => ts.reduceRight(pullOne, v);

/** Transforms that cannot be undone, so the field cannot be pulled. */
export const pushOnlyTransforms = (ts: readonly Transform[] = []): Transform[] => ts.filter((t) => t.kind === 'splitName');

/** Whether the value after the transforms is text whatever it was before. */
export const producesText = (ts: readonly Transform[] = []): boolean => ts.some((t) => t.kind === 'dateFormat' || t.kind === 'splitName');
