import type { DateOrder, DecimalMark, DetectedFormats, ImportTarget, PresetDefinition } from '../../../shared/ipc/channels/import';
import type { CompiledMapping } from './compile';
import { dateOrderHint, dateOrderExample } from '../values/dates';
import { decimalHint, amountExample } from '../values/amounts';

const dateTargets: ImportTarget[] = ['order.date', 'event.date', 'ticket.checkInDate'];
const amountTargets: ImportTarget[] = ['order.total', 'ticket.price'];

function vote<T extends string>(values: Iterable<string>, hint: (v: string) => T | null): T | null {
  const counts = new Map<T, number>();
  for (const v of values) {
    const h = hint(v);
    if (h) counts.set(h, (counts.get(h) ?? 0) + 1);
  }
  let best: T | null = null;
  let bestN = 0;
  for (const [k, n] of counts) {
    if (n > bestN) {
      best = k;
      bestN = n;
    }
  }
  return best;
}

function* valuesOf(rows: readonly (readonly string[])[], mapping: CompiledMapping, targets: ImportTarget[]): Generator<string> {
  const cols = targets.flatMap((t) => mapping.byTarget[t] ?? []);
  for (const cells of rows) for (const i of cols) if (cells[i]) yield cells[i];
}

/**
 * The file's number and date conventions, from the first rows: a value like 1.234,56 or
 * 31/01 settles them; when none does, the preset's habit (else 1,234.56 and MM/DD, or DD/MM
 * with decimal commas) is assumed and reported as such.
 */
export function detectFormats(
  rows: readonly (readonly string[])[],
  mapping: CompiledMapping,
  preset: PresetDefinition | null,
): DetectedFormats {
  const decimalSeen = vote<DecimalMark>(valuesOf(rows, mapping, amountTargets), decimalHint);
  const decimal: DecimalMark = decimalSeen ?? preset?.decimal ?? '.';
  const orderSeen = vote<DateOrder>(valuesOf(rows, mapping, dateTargets), dateOrderHint);
  const dateOrder: DateOrder = orderSeen ?? preset?.dateOrder ?? (decimal === ',' ? 'DMY' : 'MDY');
  return {
    decimal,
    decimalDetected: decimalSeen !== null,
    dateOrder,
    dateOrderDetected: orderSeen !== null,
    amountExample: amountExample[decimal],
    dateExample: dateOrderExample[dateOrder],
  };
}
