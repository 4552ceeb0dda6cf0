/**
 * One timed pass in a fresh process, so peak memory (maxRSS) belongs to that pass alone:
 *   bare <file>              csv-parse over the file, nothing else
 *   import <file> <dataDir>  the app's import of the file into an empty store, then again (re-import)
 * Prints one JSON line.
 */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { createAppServices } from '../main/services/app-services';
import { createImportService } from '../main/import/service';

const [mode, file, dataDir] = process.argv.slice(2);

async function bare(): Promise<Record<string, number>> {
  const t = performance.now();
  let rows = 0;
  for await (const _record of createReadStream(file).pipe(parse())) rows++;
  return { ms: performance.now() - t, rows };
}

async function importOnce(): Promise<Record<string, number>> {
  const services = createAppServices({ dataDir, shell: 'test', logToConsole: false });
  const imports = createImportService({ db: services.db, dataDir });
  const t = performance.now();
  const r = await imports.importFile(file, {});
  const ms = performance.now() - t;
  const t2 = performance.now();
  const again = await imports.importFile(file, {});
  const reimportMs = performance.now() - t2;
  await services.close();
  if (again.created + again.updated !== 0) throw new Error('re-import changed rows');
  return { ms, rows: r.rows, created: r.created, updated: r.updated, rejected: r.rejectedCount, reimportMs, reimportUnchanged: again.unchanged };
}

const result = mode === 'bare' ? await bare() : await importOnce();
process.stdout.write(`${JSON.stringify({ ...result, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
