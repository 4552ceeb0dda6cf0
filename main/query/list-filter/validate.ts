import type { Diagnostic, ListFilterValue } from '../../../shared/ipc/channels/query';
import type { ObjectMeta } from '../../providers/provider';

const at = (i: number) => ({ from: 0, to: 0, line: 1, column: i + 1 });

/**
 * Checks named list filters against what the object's list endpoint takes (its describe's
 * `listFilters`): known names, one value unless the filter takes several, options of a
 * picklist, whole numbers and ISO dates where asked.
 */
export function validateListFilters(filters: ListFilterValue[], meta: ObjectMeta | undefined): Diagnostic[] {
  if (!meta) return [];
  const known = new Map((meta.listFilters ?? []).map((f) => [f.name, f]));
  const out: Diagnostic[] = [];
  const error = (i: number, message: string) => out.push({ ...at(i), severity: 'error', message });
  filters.forEach((f, i) => {
    const def = known.get(f.name);
    if (!def) return error(i, `${meta.label} cannot be filtered by “${f.name}”${known.size ? ` (it takes ${[...known.keys()].join(', ')})` : ''}.`);
    const values = Array.isArray(f.value) ? f.value : [f.value];
    if (values.length > 1 && !def.multiple) error(i, `${def.label} takes one value.`);
    for (const v of values) {
      if (def.type === 'integer' && !/^-?\d+$/.test(v)) error(i, `${def.label}: “${v}” is not a whole number.`);
      if (def.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(v)) error(i, `${def.label}: write dates as YYYY-MM-DD.`);
      if (def.type === 'datetime' && Number.isNaN(Date.parse(v))) error(i, `${def.label}: “${v}” is not a date and time.`);
      if (def.type === 'picklist' && def.options && !def.options.some((o) => o.value === v)) error(i, `${def.label}: “${v}” is not one of ${def.options.map((o) => o.value).join(', ')}.`);
    }
  });
  return out;
}
