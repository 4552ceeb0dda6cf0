import { Command, CommanderError } from 'commander';
import { APP_ID, APP_VERSION } from '../services/app-meta';
import { CliContext, CliUsageError, type GlobalOptions } from './context';
import { commands } from './commands';
import { redactText } from '../log/redact';

export { installCrashGuard } from '../log/crash-guard';

/** Builds the `ticket-crm-sync` program; every command registers itself from ./commands. */
export function buildProgram(ctxRef: { ctx?: CliContext }): Command {
  const program = new Command()
    .name(APP_ID)
    .description('Ticket CRM Sync: get ticket buyers into your CRM and keep both sides in step.')
    .version(APP_VERSION)
    .option('--data-dir <dir>', 'folder of the local store and logs (env TICKET_CRM_SYNC_DATA_DIR)')
    .option('--json', 'machine-readable output')
    .option('--debug', 'verbose, redacted logging to stderr')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  program.hook('preAction', (_this, action) => {
    ctxRef.ctx = new CliContext(action.optsWithGlobals<GlobalOptions>());
  });
  const ctx = () => {
    if (!ctxRef.ctx) throw new Error('CLI context used before a command ran');
    return ctxRef.ctx;
  };
  for (const register of commands) register(program, ctx);
  return program;
}

export async function runCli(argv: string[]): Promise<number> {
  const ref: { ctx?: CliContext } = {};
  const program = buildProgram(ref);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (err) {
    return reportError(err, ref.ctx);
  } finally {
    await ref.ctx?.close();
  }
}

function reportError(err: unknown, ctx: CliContext | undefined): number {
  if (err instanceof CommanderError) {
    // Help and version exit 0; commander already printed the usage problem otherwise.
    return err.exitCode === 0 ? 0 : 2;
  }
  const message = redactText(err instanceof Error ? err.message : String(err));
  const code = err instanceof CliUsageError ? 2 : 1;
  if (ctx?.json) process.stdout.write(`${JSON.stringify({ error: message })}\n`);
  process.stderr.write(`error: ${message}\n`);
  if (ctx?.opts.debug && err instanceof Error && err.stack) process.stderr.write(`${redactText(err.stack)}\n`);
  return code;
}
