/** Header text as presets and detection compare it: case, spacing and punctuation ignored, `#` kept. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/^\ufeff/, '')
    .toLowerCase()
    .replace(/[\s_\-.:()/\\'"’*?]+/g, '');
}

export interface DedupedHeaders {
  headers: string[];
  renamed: Array<{ index: number; from: string; to: string }>;
}

/**
 * Every column gets a unique, non-blank name: repeats become `Name_2`, `Name_3`, blanks become
 * `Column N`, so mapping and custom fields can refer to a column by name.
 */
export function dedupeHeaders(cells: readonly string[]): DedupedHeaders {
  const seen = new Set<string>();
  const headers: string[] = [];
  const renamed: DedupedHeaders['renamed'] = [];
  cells.forEach((raw, index) => {
    const trimmed = raw.replace(/^\ufeff/, '').trim();
    const base = trimmed || `Column ${index + 1}`;
    let name = base;
    for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${base}_${k}`;
    seen.add(name.toLowerCase());
    headers.push(name);
    if (name !== raw) renamed.push({ index, from: raw, to: name });
  });
  return { headers, renamed };
}
