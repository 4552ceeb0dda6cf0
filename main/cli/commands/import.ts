import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RegisterCommand } from './index';
import { CliUsageError } from '../context';
import { createImportService, ImportUsageError } from '../../import/service';
import { UnknownPresetError } from '../../import/plan';
import { ImportEncoding, PresetDefinition, type ImportResult, type ReadOptions } from '../../../shared/ipc/channels/import';

interface ImportFlags {
  preset?: string;
  mapping?: string;
  dryRun?: boolean;
  event?: string;
  eventDate?: string;
  encoding?: string;
  delimiter?: string;
  rejects?: string;
}

const delimiters: Record<string, ReadOptions['delimiter']> = { ',': ',', comma: ',', ';': ';', semicolon: ';', tab: '\t', '\\t': '\t', '\t': '\t', '|': '|', pipe: '|' };

/** A --mapping file is a preset: `{ "columns": { "Header": "person.email", ... } }`, name optional. */
function readMappingFile(path: string): PresetDefinition {
  if (!existsSync(path)) throw new CliUsageError(`No such mapping file: ${path}`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new CliUsageError(`The mapping file ${path} is not valid JSON.`);
  }
  const withName = json && typeof json === 'object' && !('name' in json) ? { name: 'mapping-file', ...json } : json;
  const parsed = PresetDefinition.safeParse(withName);
  if (!parsed.success) throw new CliUsageError(`The mapping file ${path} is not a column mapping: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

function readOptions(f: ImportFlags): ReadOptions {
  const read: ReadOptions = {};
  if (f.encoding) {
    const enc = ImportEncoding.safeParse(f.encoding.toLowerCase().replace(/^utf8$/, 'utf-8').replace(/^(cp|win)-?1252$|^latin-?1$/, 'windows-1252').replace(/^utf-?16$/, 'utf-16le'));
    if (!enc.success) throw new CliUsageError(`Unknown encoding "${f.encoding}" (use utf-8, utf-16le, utf-16be or windows-1252).`);
    read.encoding = enc.data;
  }
  if (f.delimiter !== undefined) {
    const d = delimiters[f.delimiter.toLowerCase()];
    if (!d) throw new CliUsageError(`Unknown delimiter "${f.delimiter}" (use , ; tab or |).`);
    read.delimiter = d;
  }
  return read;
}

function eventOption(f: ImportFlags): { name: string; date?: string } | null {
  if (f.eventDate && !/^\d{4}-\d{2}-\d{2}$/.test(f.eventDate)) throw new CliUsageError(`--event-date must be YYYY-MM-DD, not "${f.eventDate}".`);
  if (f.eventDate && !f.event) throw new CliUsageError('--event-date needs --event NAME.');
  if (!f.event) return null;
  if (!f.event.trim() || f.event.length > 200) throw new CliUsageError('--event needs a name of at most 200 characters.');
  return { name: f.event.trim(), ...(f.eventDate ? { date: f.eventDate } : {}) };
}

function human(r: ImportResult, rejectsFile: string | null): string {
  const lines = [
    `${r.dryRun ? 'Dry run of' : 'Imported'} ${r.fileName}${r.preset ? ` (preset ${r.preset})` : ''}: ${r.rows} rows in ${(r.durationMs / 1000).toFixed(1)} s (${r.rowsPerSecond} rows/s)`,
    `  created ${r.created}, updated ${r.updated}, unchanged ${r.unchanged}, rejected ${r.rejectedCount}`,
    `  people in the store${r.dryRun ? ' (would be)' : ''}: ${r.people}${r.queuedForPush ? `; ${r.queuedForPush} queued for push` : ''}`,
  ];
  for (const x of r.rejected.slice(0, 10)) lines.push(`  line ${x.line}: ${x.reason}`);
  if (r.rejectedCount > 10) lines.push(`  ... and ${r.rejectedCount - 10} more rejected rows`);
  if (rejectsFile && r.rejectedCount > 0) lines.push(`  rejected rows written to ${rejectsFile}`);
  if (r.warningCount) lines.push(`  ${r.warningCount} values could not be read and were left empty (first: line ${r.warnings[0]?.line}: ${r.warnings[0]?.message})`);
  return lines.join('\n');
}

export const registerImport: RegisterCommand = (program, ctx) => {
  program
    .command('import')
    .description('import a CSV export of ticket buyers or attendees into the local store')
    .argument('<file>', 'the CSV file')
    .option('--preset <name>', 'column preset (eventbrite, tito, tickettailor, generic, or a saved one); detected when left out')
    .option('--mapping <file>', 'JSON column mapping: {"columns": {"Header": "person.email", ...}}')
    .option('--dry-run', 'read and merge in a transaction that is rolled back: counts only, nothing written')
    .option('--event <name>', 'event for rows that name none (an attendee report is one file per event)')
    .option('--event-date <YYYY-MM-DD>', 'date of that event')
    .option('--encoding <enc>', 'utf-8, utf-16le, utf-16be or windows-1252 (detected when left out)')
    .option('--delimiter <d>', ', ; tab or | (detected when left out)')
    .option('--rejects <file>', 'write rejected rows to this CSV (fix them and import it again)')
    .action(async (file: string, flags: ImportFlags) => {
      const c = ctx();
      if (flags.preset && flags.mapping) throw new CliUsageError('Use --preset or --mapping, not both.');
      const read = readOptions(flags);
      const event = eventOption(flags);
      const mappingDef = flags.mapping ? readMappingFile(resolve(flags.mapping)) : undefined;
      const s = c.open();
      const service = createImportService({ db: s.db, dataDir: s.dataDir, logger: s.logger });
      const rejectsPath = flags.rejects ? resolve(flags.rejects) : undefined;
      let result: ImportResult;
      try {
        result = await service.importFile(resolve(file), {
          read,
          presetName: flags.preset,
          mappingDef,
          event,
          dryRun: flags.dryRun === true,
          rejectsPath,
          keepAllRejected: true,
        });
      } catch (err) {
        if (err instanceof ImportUsageError || err instanceof UnknownPresetError) throw new CliUsageError(err.message);
        throw err;
      }
      c.out(
        {
          rows: result.rows,
          created: result.created,
          updated: result.updated,
          unchanged: result.unchanged,
          rejected: result.rejected,
          people: result.people,
          runId: result.runId,
          status: result.status,
          dryRun: result.dryRun,
          preset: result.preset,
          queuedForPush: result.queuedForPush,
          warnings: result.warningCount,
          durationMs: result.durationMs,
          rejectsFile: rejectsPath && result.rejectedCount > 0 ? rejectsPath : null,
        },
        () => human(result, rejectsPath ?? null),
      );
    });
};
