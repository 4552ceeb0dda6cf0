import { redactText } from './redact';
import type { Logger } from './logger';

export interface CrashGuardOptions {
  /** The app's logger once it exists: the crash goes to the log file too. */
  logger?: () => Logger | undefined;
  write?: (text: string) => void;
  exit?: (code: number) => void;
}

/**
 * Replaces Node's own printing of an uncaught error (its stack, with whatever the message
 * carried) by a redacted one, logs it, and exits with code 1. Entry points install it once; a
 * library never does.
 */
export function installCrashGuard(opts: CrashGuardOptions = {}): () => void {
  const write = opts.write ?? ((text: string) => process.stderr.write(text));
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  const onCrash = (err: unknown, kind: string) => {
    const text = err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : String(err);
    try {
      opts.logger?.()?.error(`Crashed: ${kind}`, err);
    } finally {
      write(`Ticket CRM Sync stopped on an unexpected error (${kind}):\n${redactText(text)}\n`);
      exit(1);
    }
  };
  const onException = (err: unknown) => onCrash(err, 'uncaught exception');
  const onRejection = (err: unknown) => onCrash(err, 'unhandled rejection');
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  return () => {
    process.off('uncaughtException', onException);
    process.off('unhandledRejection', onRejection);
  };
}
