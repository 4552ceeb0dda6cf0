export interface DemoArgs {
  dataDir?: string;
  port?: number;
  keep: boolean;
  sync: boolean;
  debug: boolean;
  help: boolean;
}

export const DEMO_USAGE = `Usage: npm run demo -- [--data-dir DIR] [--keep] [--sync] [--port N] [--debug]

Starts Ticket CRM Sync in demo mode: local Salesforce and HubSpot emulators with sample CRM data,
sample Eventbrite exports already imported, served to your browser. Nothing leaves this computer.

  --data-dir DIR  the demo's data folder (default: "<data folder> Demo", beside the normal one);
                  emptied at every start, and only ever a folder the demo made
  --keep          keep the local store of the last demo run (the demo CRMs restart from their samples)
  --sync          push to and pull from both demo CRMs once before serving (runs, links and
                  conflicts to look at); without it the imported buyers wait in the queue
  --port N        serve the app on this loopback port (default: a free one)
  --debug         verbose, still redacted, logging`;

export class DemoArgsError extends Error {}

/** The demo's flags; anything else is an error naming what is expected. */
export function parseDemoArgs(argv: readonly string[]): DemoArgs {
  const out: DemoArgs = { keep: false, sync: false, debug: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new DemoArgsError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--data-dir') out.dataDir = value();
    else if (flag === '--port') out.port = parsePort(value());
    else if (flag === '--keep') out.keep = true;
    else if (flag === '--sync') out.sync = true;
    else if (flag === '--debug') out.debug = true;
    else if (flag === '--help' || flag === '-h') out.help = true;
    else throw new DemoArgsError(`Unknown option: ${argv[i]} (expected --data-dir DIR, --keep, --sync, --port N, --debug)`);
  }
  return out;
}

function parsePort(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new DemoArgsError(`Not a port number: ${text}`);
  return n;
}
