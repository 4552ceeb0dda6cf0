import { DATA_DIR_ENV } from '../services/data-dir';

export interface LaunchOptions {
  /** Where the store, logs and Chromium profile live; undefined keeps Electron's userData. */
  dataDir?: string;
  debug: boolean;
}

/**
 * Reads our flags from the Electron command line (which also carries Chromium switches and the
 * app path, so unknown arguments are ignored here). --data-dir beats the environment variable.
 */
export function readLaunchOptions(argv: readonly string[], env: NodeJS.ProcessEnv): LaunchOptions {
  let dataDir: string | undefined;
  let debug = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--data-dir' && argv[i + 1]) dataDir = argv[++i];
    else if (arg.startsWith('--data-dir=')) dataDir = arg.slice('--data-dir='.length) || undefined;
    else if (arg === '--debug') debug = true;
  }
  return { dataDir: dataDir ?? (env[DATA_DIR_ENV] || undefined), debug };
}
