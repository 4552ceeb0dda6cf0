import { json, type EmuReply } from '../common/http';

/** An entry of `error.fields` (and of `alertas`): Bling's per-field validation message. */
export interface FieldError {
  code: number;
  msg: string;
  element: string;
  namespace: string;
  collection: { index: number; code: number; msg: string; element: string; namespace: string }[];
}

/** Field error codes are the emulator's own: Bling does not publish its list. */
export const FIELD_CODES = { required: 1, invalid: 2, notFound: 3, duplicate: 4 } as const;

/** Thrown by handlers; answered as `{ error: { type, message, description, fields? } }`. */
export class BlingError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly description: string,
    readonly fields?: FieldError[],
  ) {
    super(message);
  }
}

export const errorReply = (status: number, error: Record<string, unknown>, headers?: Record<string, string>): EmuReply => json(status, { error }, headers);

export const blingErrorReply = (err: BlingError): EmuReply =>
  errorReply(err.status, { type: err.type, message: err.message, description: err.description, ...(err.fields ? { fields: err.fields } : {}) });

export const fieldError = (code: number, msg: string, element: string, namespace: string): FieldError => ({ code, msg, element, namespace, collection: [] });

export const validationError = (fields: FieldError[], message = 'Não foi possível salvar o registro'): BlingError =>
  new BlingError(400, 'VALIDATION_ERROR', message, 'Ocorreu um erro ao validar os dados recebidos.', fields);

/** A query parameter Bling cannot use. */
export const badParameter = (name: string, msg: string): BlingError =>
  new BlingError(400, 'VALIDATION_ERROR', 'Não foi possível executar a operação', msg, [fieldError(FIELD_CODES.invalid, msg, name, 'PARAMETROS')]);

/** Documented text for a request without a body. */
export const missingBody = (): BlingError => new BlingError(400, 'MISSING_REQUIRED_FIELD_ERROR', 'Não foi possível executar a operação', 'Nenhum dado foi informado na requisição.');

export const notFound = (what = 'recurso'): BlingError =>
  new BlingError(404, 'RESOURCE_NOT_FOUND', 'Recurso não encontrado', `O ${what} requisitado não foi encontrado.`);

/** OAuth-layer errors repeat their type as the message. */
export const oauthErrorReply = (status: number, type: string, description: string): EmuReply => errorReply(status, { type, message: type, description });

export const invalidTokenReply = (expired: boolean): EmuReply =>
  oauthErrorReply(401, 'invalid_token', expired ? 'The access token provided has expired' : 'The access token provided is invalid');

export function tooManyRequestsReply(limit: number, period: 'second' | 'day'): EmuReply {
  const description = period === 'second' ? 'O limite de requisições por segundo foi atingido, tente novamente mais tarde.' : 'O limite diário de requisições foi atingido.';
  return errorReply(429, { type: 'TOO_MANY_REQUESTS', message: 'Limite de requisições atingido.', description, limit, period });
}

export const serverErrorReply = (status: number): EmuReply =>
  errorReply(status, { type: 'SERVER_ERROR', message: 'Erro interno do servidor', description: status === 503 ? 'Serviço temporariamente indisponível.' : 'Ocorreu um erro inesperado no servidor.' });
