import type { ColumnMapping, ImportTarget, PresetDefinition } from '../../../shared/ipc/channels/import';
import { normaliseHeader } from '../source/headers';

const lookupOf = (def: PresetDefinition): Map<string, ImportTarget> =>
  new Map(Object.entries(def.columns).map(([header, target]) => [normaliseHeader(header), target]));

/** Every header any preset knows, for finding the header row under title lines. */
export function knownHeaders(presets: readonly PresetDefinition[]): Set<string> {
  const all = new Set<string>();
  for (const p of presets) for (const h of Object.keys(p.columns)) all.add(normaliseHeader(h));
  return all;
}

/**
 * The preset whose signature headers the file has most of. Presets without a signature (saved
 * by the user) match when the file has every column they name. Earlier presets win ties, so
 * user presets are listed first.
 */
export function detectPreset(headers: readonly string[], presets: readonly PresetDefinition[]): PresetDefinition | null {
  const have = new Set(headers.map(normaliseHeader));
  let best: { preset: PresetDefinition; score: number } | null = null;
  for (const p of presets) {
    let score = 0;
    if (p.detect) {
      const hits = p.detect.headers.filter((h) => have.has(normaliseHeader(h))).length;
      if (hits >= p.detect.min) score = hits;
    } else {
      const named = Object.keys(p.columns);
      if (named.length >= 2 && named.every((h) => have.has(normaliseHeader(h)))) score = named.length;
    }
    if (score > 0 && (!best || score > best.score)) best = { preset: p, score };
  }
  return best?.preset ?? null;
}

/**
 * A target per column: the preset's name for it, else the generic name for it when the preset
 * has not already filled that target, else the preset's rule for unknown columns.
 */
export function proposeMapping(headers: readonly string[], preset: PresetDefinition | null, generic: PresetDefinition): ColumnMapping[] {
  const own = preset ? lookupOf(preset) : new Map<string, ImportTarget>();
  const fallback = lookupOf(generic);
  const claimed = new Set<ImportTarget>();
  const targets: Array<ImportTarget | null> = headers.map((h) => {
    const t = own.get(normaliseHeader(h));
    if (t) claimed.add(t);
    return t ?? null;
  });
  const unknown: ImportTarget = (preset ?? generic).unknownColumns ?? 'custom';
  return headers.map((header, index) => {
    let target = targets[index];
    if (!target) {
      const guess = fallback.get(normaliseHeader(header));
      if (guess && (guess === 'ignore' || guess === 'custom' || !claimed.has(guess))) {
        target = guess;
        claimed.add(guess);
      } else target = unknown;
    }
    return { index, header, target };
  });
}

/** A mapping as a preset definition (header → target), for saving it under a name. */
export function mappingToPreset(
  name: string,
  label: string | undefined,
  columns: readonly ColumnMapping[],
  base: PresetDefinition | null,
  formats: { dateOrder: PresetDefinition['dateOrder']; decimal: PresetDefinition['decimal'] },
): PresetDefinition {
  return {
    name,
    label: label ?? name,
    description: base ? `Based on ${base.label ?? base.name}` : 'Saved column mapping',
    source: base?.source,
    dateOrder: formats.dateOrder,
    decimal: formats.decimal,
    unknownColumns: 'custom',
    columns: Object.fromEntries(columns.map((c) => [c.header, c.target])),
  };
}
