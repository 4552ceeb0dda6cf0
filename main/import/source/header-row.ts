import { normaliseHeader } from './headers';

/** How far down a header row may sit below title lines. */
export const HEADER_SEARCH_RECORDS = 20;

const nonEmpty = (cells: readonly string[]): number => cells.reduce((n, c) => (c.trim() ? n + 1 : n), 0);

/**
 * Index of the header record among the first records. A row naming known columns wins (the
 * one naming most); otherwise the first row about as wide as the widest, since title lines
 * ("Attendee report for …", "Exported 2024-11-29") fill one or two cells.
 */
export function findHeaderRow(records: readonly string[][], known: ReadonlySet<string>): number {
  const window = records.slice(0, HEADER_SEARCH_RECORDS);
  let bestKnown = -1;
  let bestMatches = 1;
  window.forEach((cells, i) => {
    const matches = new Set(cells.map(normaliseHeader).filter((h) => known.has(h))).size;
    if (matches > bestMatches) {
      bestMatches = matches;
      bestKnown = i;
    }
  });
  if (bestKnown >= 0) return bestKnown;
  const widest = window.reduce((max, cells) => Math.max(max, nonEmpty(cells)), 0);
  if (widest <= 1) return 0;
  const threshold = Math.max(2, Math.ceil(widest * 0.5));
  const found = window.findIndex((cells) => nonEmpty(cells) >= threshold);
  return found < 0 ? 0 : found;
}
