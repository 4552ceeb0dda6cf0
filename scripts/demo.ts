// `npm run demo`: the app in demo mode, served to the browser. Builds first (the npm script does),
// then: the demo's own data folder, Salesforce and HubSpot emulators on sample data, both
// connected, the sample exports imported, and the URL printed on its own line. Ctrl+C stops it all.
// Options: see DEMO_USAGE (main/demo/args.ts).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_USAGE, DemoArgsError, parseDemoArgs, type DemoArgs } from '../main/demo/args';
import { defaultDemoDataDir, DemoDirError } from '../main/demo/data-dir';
import { demoBanner } from '../main/demo/banner';
import { serveDemo, type ServedDemo } from '../main/demo/serve-demo';
import type { StartEmulator } from '../main/demo/start-demo';
import { startEmulator } from '../test/emulators/index';

const root = fileURLToPath(new URL('..', import.meta.url));
const renderDir = join(root, 'dist', 'renderer');

const startCrmEmulator: StartEmulator = (kind, opts) => startEmulator(kind, { ...opts, host: '127.0.0.1', port: 0 });

function readArgs(): DemoArgs {
  try {
    return parseDemoArgs(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof DemoArgsError)) throw err;
    console.error(`error: ${err.message}`);
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const args = readArgs();
  if (args.help) {
    console.log(DEMO_USAGE);
    return;
  }
  if (!existsSync(join(renderDir, 'index.html'))) {
    console.error('error: the app is not built yet: run `npm run demo` (it builds first) or `npm run build`.');
    process.exit(1);
  }
  const dataDir = args.dataDir ?? defaultDemoDataDir();
  console.log(`Starting the demo (sample data, local demo CRMs) in ${dataDir} …`);
  let served: ServedDemo;
  try {
    served = await serveDemo({ dataDir, keep: args.keep, sync: args.sync, port: args.port, debug: args.debug, logToConsole: args.debug, renderDir, startEmulator: startCrmEmulator });
  } catch (err) {
    if (!(err instanceof DemoDirError)) throw err;
    console.error(`error: ${err.message}`);
    process.exit(2);
  }
  for (const line of demoBanner(served.demo, served.url)) console.log(line);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    console.log('Stopping the demo …');
    served.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(`error while stopping: ${err instanceof Error ? err.message : String(err)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`error: the demo could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
