import type { DetectedFormats, EventChoice, ImportMapping, ImportPreview, PresetDefinition, ReadOptions } from '../../shared/ipc/channels/import';
import { inspectCsv, readRecords, ImportFileError, type CsvLayout, type CsvRecord } from './source/csv-file';
import { builtInPresets, findBuiltIn, GENERIC_PRESET } from './presets';
import { detectPreset, knownHeaders, proposeMapping } from './mapping/propose';
import { compileMapping } from './mapping/compile';
import { detectFormats } from './mapping/formats';
import { REJECT_COLUMNS } from './run/rejects-file';

/** Rows read up front to settle number and date formats. */
export const FORMAT_SAMPLE_ROWS = 2000;

export interface PlanInput {
  path: string;
  fileName?: string;
  read: ReadOptions;
  userPresets: readonly PresetDefinition[];
  /** A preset by name (built-in or saved), else detected from the header row. */
  presetName?: string;
  /** A hand-written mapping (CLI --mapping): wins over presets. */
  mappingDef?: PresetDefinition;
  event?: EventChoice | null;
}

export interface ImportPlan {
  layout: CsvLayout;
  preset: PresetDefinition | null;
  mapping: ImportMapping;
  formats: DetectedFormats;
  sample: CsvRecord[];
  notices: ImportPreview['notices'];
}

export class UnknownPresetError extends Error {}

function choosePreset(headers: readonly string[], input: PlanInput, all: readonly PresetDefinition[]): PresetDefinition {
  if (input.mappingDef) return input.mappingDef;
  if (input.presetName) {
    const named = all.find((p) => p.name === input.presetName);
    if (!named) throw new UnknownPresetError(`There is no preset named "${input.presetName}" (known: ${all.map((p) => p.name).join(', ')}).`);
    return named;
  }
  return detectPreset(headers, all.filter((p) => p.name !== GENERIC_PRESET)) ?? findBuiltIn(GENERIC_PRESET)!;
}

/**
 * Everything decided before rows are written: how to read the file, which preset it is, the
 * proposed column mapping and the file's date and number formats (from its first rows).
 */
export async function planImport(input: PlanInput): Promise<ImportPlan> {
  const all = [...input.userPresets, ...builtInPresets];
  const layout = await inspectCsv(input.path, input.read, knownHeaders(all), input.fileName);
  const preset = choosePreset(layout.headers, input, all);
  const generic = findBuiltIn(GENERIC_PRESET)!;
  const ignored = new Set<string>(REJECT_COLUMNS);
  const columns = proposeMapping(layout.headers, preset, generic).map((c) => (ignored.has(c.header) ? { ...c, target: 'ignore' as const } : c));
  const sample: CsvRecord[] = [];
  const stats = { bytesRead: 0, blankRecords: 0, raggedRows: 0 };
  for await (const batch of readRecords(layout, { batchSize: FORMAT_SAMPLE_ROWS, stats })) {
    sample.push(...batch);
    break;
  }
  const compiled = compileMapping(layout.headers, columns);
  const formats = detectFormats(sample.map((r) => r.cells), compiled, preset);
  const mapping: ImportMapping = {
    preset: input.mappingDef ? (input.mappingDef.name ?? null) : preset.name,
    columns,
    dateOrder: input.mappingDef?.dateOrder ?? formats.dateOrder,
    decimal: input.mappingDef?.decimal ?? formats.decimal,
    event: input.event ?? null,
  };
  return { layout, preset, mapping, formats, sample, notices: noticesFor(mapping, sample.length) };
}

export function noticesFor(mapping: ImportMapping, rows: number): ImportPreview['notices'] {
  const targets = new Set(mapping.columns.map((c) => c.target));
  const notices: ImportPreview['notices'] = [];
  if (rows === 0) notices.push({ code: 'noRows', message: 'The file has a header row but no data rows.' });
  if (!targets.has('person.email')) notices.push({ code: 'noEmail', message: 'No column is mapped to Email: every row would be rejected. Pick the email column.' });
  if (!targets.has('event.name') && !mapping.event) notices.push({ code: 'noEvent', message: 'No column names the event: choose the event these people registered for.' });
  return notices;
}

export { ImportFileError };
