import electronLog from 'electron-log/node';
import { join } from 'node:path';
import { redactText, redactDeep } from './redact';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

export interface LogLine {
  at: string;
  level: LogLevel;
  message: string;
}

export interface Logger {
  error(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  info(message: string, detail?: unknown): void;
  debug(message: string, detail?: unknown): void;
  readonly debugEnabled: boolean;
  setDebug(on: boolean): void;
  /** Live lines for the log view; each line is already redacted. */
  onLine(listener: (line: LogLine) => void): () => void;
  /** The log file, or undefined when logging to console only. */
  readonly file: string | undefined;
}

export interface LoggerOptions {
  /** Folder for main.log; omit to log to the console only. */
  dir?: string;
  debug?: boolean;
  /** Console output: off for the CLI's --json mode so stdout stays machine-readable. */
  console?: boolean;
  logId?: string;
}

function format(message: string, detail: unknown): string {
  if (detail === undefined) return redactText(message);
  const d = detail instanceof Error ? redactDeep(detail) : redactDeep(detail);
  return `${redactText(message)} ${JSON.stringify(d)}`;
}

/**
 * File + console logger on electron-log's Node entry (works inside and outside Electron).
 * Every line passes through the redactor before any transport sees it.
 */
export function createLogger(opts: LoggerOptions = {}): Logger {
  const log = electronLog.create({ logId: opts.logId ?? `tcs-${process.pid}-${Math.random().toString(36).slice(2)}` });
  const listeners = new Set<(line: LogLine) => void>();
  let debugOn = opts.debug ?? false;
  const file = opts.dir ? join(opts.dir, 'logs', 'main.log') : undefined;
  if (file) {
    log.transports.file.resolvePathFn = () => file;
    log.transports.file.level = 'debug';
  } else {
    log.transports.file.level = false;
  }
  // Console goes to stderr so commands' stdout stays clean for pipes and --json.
  log.transports.console.level = opts.console === false ? false : 'debug';
  log.transports.console.writeFn = ({ message }) => {
    process.stderr.write(`${message.data.map(String).join(' ')}\n`);
  };
  log.transports.console.format = '{level}: {text}';

  const emit = (level: LogLevel, message: string, detail?: unknown) => {
    if (level === 'debug' && !debugOn) return;
    const text = format(message, detail);
    log[level](text);
    const line = { at: new Date().toISOString(), level, message: text };
    for (const l of listeners) l(line);
  };

  return {
    error: (m, d) => emit('error', m, d),
    warn: (m, d) => emit('warn', m, d),
    info: (m, d) => emit('info', m, d),
    debug: (m, d) => emit('debug', m, d),
    get debugEnabled() {
      return debugOn;
    },
    setDebug(on) {
      debugOn = on;
    },
    onLine(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    file,
  };
}
