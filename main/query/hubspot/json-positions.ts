/**
 * JSON.stringify(value, null, 2), plus where each value landed, so a problem found at a path
 * (`filterGroups.0.filters.1.value`) can be underlined in the JSON the page shows.
 */
export interface PositionedJson {
  text: string;
  spans: Map<string, { from: number; to: number }>;
}

export function positionedJson(value: unknown): PositionedJson {
  const spans = new Map<string, { from: number; to: number }>();
  let text = '';
  const write = (v: unknown, path: string, indent: string): void => {
    const from = text.length;
    if (Array.isArray(v)) {
      if (v.length === 0) text += '[]';
      else {
        text += '[\n';
        v.forEach((item, i) => {
          text += `${indent}  `;
          write(item === undefined || typeof item === 'function' ? null : item, join(path, String(i)), `${indent}  `);
          text += i < v.length - 1 ? ',\n' : '\n';
        });
        text += `${indent}]`;
      }
    } else if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v).filter(([, x]) => x !== undefined && typeof x !== 'function');
      if (entries.length === 0) text += '{}';
      else {
        text += '{\n';
        entries.forEach(([k, x], i) => {
          text += `${indent}  ${JSON.stringify(k)}: `;
          write(x, join(path, k), `${indent}  `);
          text += i < entries.length - 1 ? ',\n' : '\n';
        });
        text += `${indent}}`;
      }
    } else {
      text += JSON.stringify(v) ?? 'null';
    }
    spans.set(path, { from, to: text.length });
  };
  write(value, '', '');
  return { text, spans };
}

const join = (path: string, key: string): string => (path ? `${path}.${key}` : key);

/** The span of `path`, or of its nearest ancestor that exists (a missing `value` points at its filter). */
export function spanOf(json: PositionedJson, path: string): { from: number; to: number } {
  for (let p = path; ; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
    const s = json.spans.get(p);
    if (s) return s;
    if (p === '') return { from: 0, to: 0 };
  }
}
