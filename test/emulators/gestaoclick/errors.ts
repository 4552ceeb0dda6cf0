import { json, type EmuReply } from '../common/http';

/**
 * GestãoClick documents no error bodies. The emulator answers every error in the success
 * envelope's shape with `status: "error"` and a message (ours, not the vendor's):
 * `{ code, status: "error", data: { mensagem, erros? } }`, `erros` naming each invalid field.
 */
export class GcError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly erros?: Record<string, string>,
  ) {
    super(message);
  }
}

export const errorReply = (status: number, mensagem: string, erros?: Record<string, string>, headers?: Record<string, string>): EmuReply =>
  json(status, { code: status, status: 'error', data: { mensagem, ...(erros ? { erros } : {}) } }, headers);

export const gcErrorReply = (err: GcError): EmuReply => errorReply(err.status, err.message, err.erros);

/** Validation failure of one or more fields. */
export const invalid = (erros: Record<string, string>): GcError => new GcError(400, 'Não foi possível salvar: verifique os campos informados.', erros);

export const notFound = (what: string): GcError => new GcError(404, `${what} não encontrado(a).`);

/** The documented rate-limit message; the JSON around it is ours. */
export const RATE_LIMIT_MESSAGE = 'O limite de requisicoes foi atingido';

export const unauthorizedReply = (): EmuReply => errorReply(401, 'Acesso negado: access-token e secret-access-token inválidos.');
