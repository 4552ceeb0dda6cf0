import { redactDeep, redactText } from '../log/redact';

/**
 * Debug-mode request/response traces of the provider HTTP client. The client reports every
 * exchange here; nothing is formatted unless a sink is attached and debug logging is on, and
 * every trace is redacted (headers by name, URLs and bodies by pattern and known secrets).
 */
export interface HttpExchange {
  method: string;
  url: URL;
  requestHeaders: Record<string, string>;
  requestBody?: string;
  status?: number;
  responseHeaders?: Record<string, string | string[] | undefined>;
  responseBody?: string;
  ms: number;
  error?: string;
}

export interface HttpTraceSink {
  enabled(): boolean;
  write(line: string): void;
}

let sink: HttpTraceSink | undefined;

/** Attaches the sink (the app's logger at debug level); returns a function that detaches it. */
export function setHttpTraceSink(next: HttpTraceSink): () => void {
  sink = next;
  return () => {
    if (sink === next) sink = undefined;
  };
}

const MAX_BODY = 2000;

function body(text: string | undefined): string {
  if (!text) return '';
  const short = text.length > MAX_BODY ? `${text.slice(0, MAX_BODY)}… (${text.length} chars)` : text;
  return ` ${redactText(short)}`;
}

/** One exchange as two redacted lines: what went out, what came back. */
export function formatExchange(e: HttpExchange): string {
  const out = `HTTP → ${e.method} ${redactText(e.url.toString())} ${JSON.stringify(redactDeep(e.requestHeaders))}${body(e.requestBody)}`;
  const back = e.error
    ? `HTTP ← ${e.method} ${e.url.origin}${e.url.pathname} failed after ${e.ms} ms: ${redactText(e.error)}`
    : `HTTP ← ${e.status} in ${e.ms} ms ${JSON.stringify(redactDeep(e.responseHeaders ?? {}))}${body(e.responseBody)}`;
  return `${out}\n${back}`;
}

export function traceHttp(e: () => HttpExchange): void {
  if (!sink?.enabled()) return;
  sink.write(formatExchange(e()));
}
