/** ORDER BY: ASC puts nulls first and DESC puts them last unless NULLS FIRST/LAST says otherwise. */

export interface SortKey<R> {
  get: (row: R) => unknown;
  desc: boolean;
  nullsFirst: boolean;
}

export function sortKey<R>(get: (row: R) => unknown, order: string | undefined, nulls: string | undefined): SortKey<R> {
  const desc = order?.toUpperCase() === 'DESC';
  const nullsFirst = nulls ? nulls.toUpperCase() === 'FIRST' : !desc;
  return { get, desc, nullsFirst };
}

function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Sorts a copy of `rows` (stable) by the keys. */
export function sortRows<R>(rows: R[], keys: SortKey<R>[]): R[] {
  if (!keys.length) return rows;
  const decorated = rows.map((row, i) => ({ row, i, vals: keys.map((k) => k.get(row)) }));
  decorated.sort((p, q) => {
    for (let k = 0; k < keys.length; k++) {
      const a = p.vals[k];
      const b = q.vals[k];
      const an = a === null || a === undefined;
      const bn = b === null || b === undefined;
      if (an || bn) {
        if (an && bn) continue;
        return (an ? -1 : 1) * (keys[k].nullsFirst ? 1 : -1);
      }
      const c = compareValues(a, b);
      if (c !== 0) return keys[k].desc ? -c : c;
    }
    return p.i - q.i;
  });
  return decorated.map((d) => d.row);
}
