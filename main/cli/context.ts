import { createAppServices, type AppServices } from '../services/app-services';
import { resolveDataDir } from '../services/data-dir';

/** Global flags every command accepts. */
export interface GlobalOptions {
  dataDir?: string;
  json?: boolean;
  debug?: boolean;
}

/** Thrown for bad input: printed as one line (no stack) and exits with code 2. */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

/**
 * What a command needs: the composed services (opened on first use, so `--help` never touches
 * the store) and an output helper that respects --json.
 */
export class CliContext {
  private services?: AppServices;

  constructor(readonly opts: GlobalOptions) {}

  get json(): boolean {
    return this.opts.json === true;
  }

  open(): AppServices {
    this.services ??= createAppServices({
      dataDir: resolveDataDir(this.opts.dataDir),
      shell: 'test',
      debug: this.opts.debug,
      logToConsole: !this.json && this.opts.debug === true,
    });
    return this.services;
  }

  /** Prints `data` as JSON in --json mode, else the human text. */
  out(data: unknown, human: () => string): void {
    process.stdout.write(this.json ? `${JSON.stringify(data, null, 2)}\n` : `${human()}\n`);
  }

  async close(): Promise<void> {
    await this.services?.close();
  }
}
