import { json, type EmuReply } from '../common/http';

/** One error inside a SaveResult / UpsertResult (collections, composite). */
export interface SaveError {
  statusCode: string;
  message: string;
  fields: string[];
}

/** Thrown by handlers and services; turned into `[{ message, errorCode, fields }]` with its status. */
export class SfApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly fields?: string[],
  ) {
    super(message);
  }
}

export function errorReply(status: number, errorCode: string, message: string, fields?: string[]): EmuReply {
  return json(status, [{ message, errorCode, ...(fields ? { fields } : {}) }]);
}

export const sessionInvalid = (): EmuReply => errorReply(401, 'INVALID_SESSION_ID', 'Session expired or invalid');

export const notFound = (): SfApiError => new SfApiError(404, 'NOT_FOUND', 'The requested resource does not exist');

export const saveError = (statusCode: string, message: string, fields: string[] = []): SaveError => ({ statusCode, message, fields });

/** A DML failure: the SaveErrors of one record; a single-record REST call answers the first as its error. */
export class DmlFailure extends Error {
  constructor(readonly errors: SaveError[]) {
    super(errors.map((e) => `${e.statusCode}: ${e.message}`).join('; '));
  }

  toApiError(status = 400): SfApiError {
    const first = this.errors[0];
    return new SfApiError(status, first.statusCode, first.message, first.fields);
  }
}
