import type { Cell } from '../../../../shared/ipc/channels/query';

/** How a cell reads as text (for copying and measuring): null stays empty, objects as JSON. */
export function cellText(c: Cell | undefined): string {
  if (c === null || c === undefined) return '';
  if (typeof c === 'object') return JSON.stringify(c);
  return String(c);
}

/** Sorting: nulls last, then numbers numerically, then text naturally (case-insensitive, digits as numbers). */
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export function compareCells(a: Cell | undefined, b: Cell | undefined): number {
  const an = a === null || a === undefined;
  const bn = b === null || b === undefined;
  if (an || bn) return an === bn ? 0 : an ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return collator.compare(cellText(a), cellText(b));
}

/** Row order for a sort on column `col` (stable); `null` direction keeps the CRM's order. */
export function sortedOrder(rows: Cell[][], col: number, direction: 'asc' | 'desc'): Uint32Array {
  const order = Uint32Array.from(rows.keys());
  const sign = direction === 'asc' ? 1 : -1;
  order.sort((i, j) => {
    const a = rows[i][col];
    const b = rows[j][col];
    const nullish = (a === null || a === undefined) !== (b === null || b === undefined);
    // Nulls stay last whichever way the sort goes.
    const c = nullish ? compareCells(a, b) : sign * compareCells(a, b);
    return c || i - j;
  });
  return order;
}

/** Tab-separated text a spreadsheet pastes as cells; tabs and newlines inside values become spaces. */
export function toTsv(columns: string[] | null, rows: Cell[][]): string {
  const clean = (c: Cell | undefined) => cellText(c).replace(/[\t\r\n]+/g, ' ');
  const lines = rows.map((r) => r.map(clean).join('\t'));
  return (columns ? [columns.join('\t'), ...lines] : lines).join('\n');
}

let measurer: CanvasRenderingContext2D | null | undefined;

/** Text width in the grid's font, measured on a canvas (falls back to an average glyph width). */
function textWidth(text: string, font: string): number {
  measurer ??= document.createElement('canvas').getContext('2d');
  if (!measurer) return text.length * 7.6;
  measurer.font = font;
  return measurer.measureText(text).width;
}

/** A starting width for a column from its header and the first values (px). */
export function guessWidth(name: string, rows: Cell[][], col: number): number {
  const family = getComputedStyle(document.body).fontFamily;
  let widest = textWidth(name, `650 11.5px ${family}`) + 26;
  for (let i = 0; i < Math.min(rows.length, 60); i++) widest = Math.max(widest, textWidth(cellText(rows[i][col]).slice(0, 60), `12.5px ${family}`));
  return Math.max(80, Math.min(380, Math.ceil(widest + 26)));
}

/** Copies text; the Clipboard API when allowed, else the old hidden-textarea route. */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // Fall back below (no permission, or not a secure context).
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'sr-only';
  document.body.append(area);
  area.select();
  document.execCommand('copy');
  area.remove();
}
