import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_PATH, ELECTRON_NOT_RUN, RENDER_DIR, ROOT, electronBinary } from './environment';

/** Fails fast with what to do when the build or the browser is missing, and says which variants run. */
export default function setup(): void {
  const missing: string[] = [];
  if (!existsSync(join(RENDER_DIR, 'index.html'))) missing.push('the built renderer (dist/renderer): run `npm run build` first');
  if (!existsSync(join(ROOT, 'dist', 'main', 'electron-main.cjs'))) missing.push('the bundled main process (dist/main): run `npm run build` first');
  if (!existsSync(CHROMIUM_PATH)) missing.push(`Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium (or set TCS_CHROMIUM)`);
  if (missing.length > 0) throw new Error(`The e2e tests need ${missing.join('; and ')}.`);
  const electron = electronBinary();
  console.log(electron ? `e2e variants: chromium (browser host) and electron (${electron})` : `e2e variants: chromium (browser host). ${ELECTRON_NOT_RUN}.`);
}
