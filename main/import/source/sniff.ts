import type { ImportDelimiter } from '../../../shared/ipc/channels/import';

const candidates: ImportDelimiter[] = [',', ';', '\t', '|'];

/** Per record of the sample, how many times `delim` separates fields (quote-aware). */
function countsPerRecord(sample: string, delim: string, maxRecords: number): number[] {
  const counts: number[] = [];
  let count = 0;
  let inQuotes = false;
  let fieldStart = true;
  let blank = true;
  for (let i = 0; i < sample.length && counts.length < maxRecords; i++) {
    const c = sample[i];
    if (inQuotes) {
      if (c === '"') {
        if (sample[i + 1] === '"') i++;
        else inQuotes = false;
      }
      continue;
    }
    if (c === '"' && fieldStart) {
      inQuotes = true;
      fieldStart = false;
      blank = false;
    } else if (c === delim) {
      count++;
      fieldStart = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && sample[i + 1] === '\n') i++;
      if (!blank || count > 0) counts.push(count);
      count = 0;
      fieldStart = true;
      blank = true;
    } else {
      fieldStart = false;
      if (c !== ' ') blank = false;
    }
  }
  if ((!blank || count > 0) && counts.length < maxRecords) counts.push(count);
  return counts;
}

/**
 * Picks the delimiter that splits most records into the same, largest number of fields. Title
 * lines above the header and ragged rows lower a candidate's consistency but do not sink it.
 */
export function sniffDelimiter(sample: string): { delimiter: ImportDelimiter; certain: boolean } {
  let best: { delimiter: ImportDelimiter; score: number } = { delimiter: ',', score: 0 };
  for (const delimiter of candidates) {
    const counts = countsPerRecord(sample, delimiter, 100);
    if (counts.length === 0) continue;
    const freq = new Map<number, number>();
    for (const n of counts) if (n > 0) freq.set(n, (freq.get(n) ?? 0) + 1);
    let score = 0;
    for (const [n, times] of freq) score = Math.max(score, (times / counts.length) * Math.log2(1 + n));
    if (score > best.score) best = { delimiter, score };
  }
  return { delimiter: best.delimiter, certain: best.score > 0 };
}
