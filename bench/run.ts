/**
 * `npm run bench`: runs every bench/*.bench.ts (or those named on the command line, e.g.
 * `npm run bench -- import`) and prints one table per bench. A bench module exports
 * `bench = { name, run(): Promise<Record<string, number | string>> }`.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface Bench {
  name: string;
  run(): Promise<Record<string, number | string>>;
}

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.includes(f.replace(/\.bench\.ts$/, '')))
  .sort();

function table(name: string, result: Record<string, number | string>, ms: number): string {
  const rows = Object.entries(result);
  const width = Math.max(...rows.map(([k]) => k.length), 6);
  const line = '-'.repeat(width + 20);
  return [`${name} (${(ms / 1000).toFixed(1)} s)`, line, ...rows.map(([k, v]) => `${k.padEnd(width)}  ${String(v)}`), ''].join('\n');
}

let failed = 0;
for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { bench?: Bench };
  if (!mod.bench) {
    console.error(`${file}: exports no bench`);
    failed++;
    continue;
  }
  const started = performance.now();
  try {
    const result = await mod.bench.run();
    console.log(table(mod.bench.name, result, performance.now() - started));
  } catch (err) {
    failed++;
    console.error(`${mod.bench.name}: failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}
if (files.length === 0) console.error(only.length ? `No bench named ${only.join(', ')}` : 'No benches in bench/');
process.exit(failed || files.length === 0 ? 1 : 0);
