import { z } from 'zod';
import { channels, isChannelName, type ChannelName, type ParsedRequestOf, type ResponseOf } from '../../shared/ipc/contract';
import { IpcErrorCode, type Envelope } from '../../shared/ipc/api';
import { redactText } from '../log/redact';
import type { Logger } from '../log/logger';
import { payloadProblem } from './payload-guard';

export type Handler<C extends ChannelName> = (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C>;
export type Handlers = { [C in ChannelName]: Handler<C> };
/** The handlers of one domain (`connections:*`), so each domain file can be typed on its own. */
export type DomainHandlers<D extends string> = { [C in ChannelName as C extends `${D}:${string}` ? C : never]: Handler<C> };

/** A failure whose message is written for the person using the app (what happened, what to do). */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly code: string = IpcErrorCode.failed,
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}

export type Dispatch = (channel: unknown, payload: unknown) => Promise<Envelope>;

function describeZodError(channel: string, error: z.ZodError): string {
  return `Invalid request for ${channel}: ${z.prettifyError(error).replace(/\n/g, '; ')}`;
}

/**
 * Validates and routes one call. Shared by the Electron ipcMain wiring and the browser host so
 * both enforce the same contract: unknown channels and malformed payloads never reach a handler.
 */
export function createDispatcher(handlers: Handlers, logger: Logger, opts: { checkResponses?: boolean } = {}): Dispatch {
  return async (channel, payload) => {
    if (!isChannelName(channel)) {
      return { ok: false, error: { code: IpcErrorCode.unknownChannel, message: `Unknown channel: ${String(channel).slice(0, 80)}` } };
    }
    const def = channels[channel];
    const problem = payloadProblem(payload);
    if (problem) {
      const message = `Invalid request for ${channel}: ${problem}.`;
      logger.warn(message);
      return { ok: false, error: { code: IpcErrorCode.invalidRequest, message } };
    }
    const parsed = def.request.safeParse(payload ?? {});
    if (!parsed.success) {
      const message = describeZodError(channel, parsed.error);
      logger.warn(message);
      return { ok: false, error: { code: IpcErrorCode.invalidRequest, message } };
    }
    try {
      const handler = handlers[channel] as (req: unknown) => Promise<unknown> | unknown;
      const data = await handler(parsed.data);
      if (opts.checkResponses) def.response.parse(data);
      return { ok: true, data };
    } catch (err) {
      return { ok: false, error: toErrorBody(channel, err, logger) };
    }
  };
}

function toErrorBody(channel: ChannelName, err: unknown, logger: Logger): { code: string; message: string } {
  if (err instanceof UserFacingError) return { code: err.code, message: redactText(err.message) };
  logger.error(`${channel} failed`, err);
  const message = err instanceof Error ? err.message : String(err);
  return { code: IpcErrorCode.failed, message: redactText(message) };
}
