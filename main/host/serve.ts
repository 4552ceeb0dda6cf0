import { mkdirSync } from 'node:fs';
import { createAppServices, type AppServices } from '../services/app-services';
import { resolveDataDir } from '../services/data-dir';
import { startBrowserHost, type BrowserHost } from './browser-host';

export const PORT_ENV = 'TICKET_CRM_SYNC_PORT';

export interface ServeOptions {
  renderDir: string;
  /** --data-dir; falls back to TICKET_CRM_SYNC_DATA_DIR, then the platform default. */
  dataDir?: string;
  port?: number;
  debug?: boolean;
  demo?: boolean;
}

export interface ServingApp extends BrowserHost {
  services: AppServices;
}

/** The app without Electron: real services on the data dir, served to a browser on loopback. */
export async function serveBrowserApp(opts: ServeOptions): Promise<ServingApp> {
  const dataDir = resolveDataDir(opts.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const services = createAppServices({ dataDir, shell: 'browser-host', debug: opts.debug, demo: opts.demo });
  try {
    const host = await startBrowserHost({ services, renderDir: opts.renderDir, port: opts.port });
    // While the app is served, its schedules run, as they do in the desktop app's tray.
    services.schedules.start();
    return {
      ...host,
      services,
      async close() {
        await host.close();
        await services.close();
      },
    };
  } catch (err) {
    await services.close();
    throw err;
  }
}

export interface ServeArgs {
  dataDir?: string;
  port?: number;
  debug: boolean;
}

/** `--data-dir DIR`, `--port N` (or env TICKET_CRM_SYNC_PORT), `--debug`; anything else is an error. */
export function parseServeArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): ServeArgs {
  const out: ServeArgs = { debug: false };
  const portText = env[PORT_ENV];
  if (portText) out.port = parsePort(portText);
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--data-dir') out.dataDir = value();
    else if (flag === '--port') out.port = parsePort(value());
    else if (flag === '--debug') out.debug = true;
    else throw new Error(`Unknown option: ${argv[i]} (expected --data-dir DIR, --port N, --debug)`);
  }
  return out;
}

function parsePort(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`Not a port number: ${text}`);
  return n;
}
