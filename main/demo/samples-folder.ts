import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SampleData, SampleExport } from './sample/index';
import type { SalesforceSeed } from './seeds/salesforce';
import type { HubSpotSeed } from './seeds/hubspot';

export interface SampleFiles {
  dir: string;
  exports: Array<{ path: string; export: SampleExport }>;
  seeds: { salesforce: string; hubspot: string };
}

/**
 * Leaves the sample exports and the CRM seeds in the demo folder, so a user can import an export
 * again from the Import page or start an emulator on a seed (`npm run emulator -- hubspot --seed …`).
 */
export function writeSampleFiles(dataDir: string, sample: SampleData, seeds: { salesforce: SalesforceSeed; hubspot: HubSpotSeed }): SampleFiles {
  const dir = join(dataDir, 'samples');
  mkdirSync(dir, { recursive: true });
  const exports = sample.exports.map((e) => {
    const path = join(dir, e.fileName);
    writeFileSync(path, e.csv);
    return { path, export: e };
  });
  const seedPath = (name: string, seed: unknown) => {
    const path = join(dir, `${name}-seed.json`);
    writeFileSync(path, `${JSON.stringify(seed, null, 2)}\n`);
    return path;
  };
  return { dir, exports, seeds: { salesforce: seedPath('salesforce', seeds.salesforce), hubspot: seedPath('hubspot', seeds.hubspot) } };
}
