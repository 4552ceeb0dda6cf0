import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { writeBenchCsv, benchHeaders } from './import-fixture';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The timed passes run bundled, as the shipped app does (no TypeScript loader in memory), with
 * the parse worker beside the bundle under the name the app looks for.
 */
async function bundleChild(outdir: string): Promise<string> {
  await build({
    entryPoints: {
      'import-child': join(root, 'bench/import-child.ts'),
      'import-parse-worker': join(root, 'main/import/source/parse-worker.ts'),
      'import-worker': join(root, 'main/import/run/import-worker.ts'),
    },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: ['better-sqlite3', 'electron', 'keytar', 'bufferutil', 'utf-8-validate'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'error',
    absWorkingDir: root,
    nodePaths: [join(root, 'node_modules')],
  });
  return join(outdir, 'import-child.mjs');
}

const ROWS = 100_000;
const ROUNDS = 2;

function child(script: string, args: string[]): Record<string, number> {
  const out = execFileSync(process.execPath, [script, ...args], { encoding: 'utf8', maxBuffer: 1 << 20, cwd: root });
  return JSON.parse(out.trim().split('\n').pop()!) as Record<string, number>;
}

/**
 * CSV import (issue 5): a generated 100,000-row, 30-column export. Each pass runs in its own
 * process (bundled, as shipped); bare csv-parse and import alternate and the best of each is
 * kept, so a busy machine skews both alike. Targets: import ≤ 2× the bare parse, peak RSS
 * (whole process, parse worker included) < 250 MB.
 */
export const bench = {
  name: 'import',
  async run(): Promise<Record<string, number | string>> {
    const dir = mkdtempSync(join(tmpdir(), 'tcs-bench-import-'));
    try {
      const file = join(dir, 'export.csv');
      await writeBenchCsv(file, ROWS);
      const script = await bundleChild(join(root, '.cache', 'bench-import'));
      const bare: Array<Record<string, number>> = [];
      const imports: Array<Record<string, number>> = [];
      for (let round = 0; round < ROUNDS; round++) {
        bare.push(child(script, ['bare', file]));
        imports.push(child(script, ['import', file, join(dir, `data-${round}`)]));
      }
      const best = (runs: Array<Record<string, number>>) => runs.reduce((a, b) => (b.ms < a.ms ? b : a));
      const b = best(bare);
      const i = best(imports);
      const ratio = i.ms / b.ms;
      const peak = Math.max(...imports.map((r) => r.maxRssMb));
      return {
        rows: i.rows,
        columns: benchHeaders.length,
        fileMb: Math.round(statSync(file).size / 1e5) / 10,
        bareParseMs: Math.round(b.ms),
        importMs: Math.round(i.ms),
        ratio: Math.round(ratio * 100) / 100,
        ratioTarget: '<= 2',
        ratioOk: ratio <= 2 ? 'yes' : 'no',
        rowsPerSecond: Math.round((i.rows * 1000) / i.ms),
        peakRssMb: peak,
        peakRssTarget: '< 250',
        peakRssOk: peak < 250 ? 'yes' : 'no',
        reimportMs: Math.round(i.reimportMs),
        reimportUnchanged: i.reimportUnchanged,
        created: i.created,
        updated: i.updated,
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
