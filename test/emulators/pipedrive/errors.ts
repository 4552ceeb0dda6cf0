import { json, type EmuReply } from '../common/http';

/** `error_info` on errors raised by the API itself (validation, not found). */
export const API_ERROR_INFO = 'Please check developers.pipedrive.com for more information about Pipedrive API.';
/** `error_info` on errors raised by Pipedrive's gateway (auth, rate limit, outages), as observed live. */
export const GATEWAY_ERROR_INFO = 'Please check developers.pipedrive.com';

/** Thrown by handlers; turned into Pipedrive's error envelope by the API guard. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** v2 answers carry a machine code (e.g. ERR_SCHEMA_VALIDATION_FAILED); v1 answers do not. */
    readonly code?: string,
  ) {
    super(message);
  }
}

export const notFound = (label: string): ApiError => new ApiError(404, `${label} not found`);

/** v2 validation failures. */
export const invalidV2 = (message: string): ApiError => new ApiError(400, message, 'ERR_SCHEMA_VALIDATION_FAILED');

export function apiErrorReply(err: ApiError): EmuReply {
  return json(err.status, {
    success: false,
    error: err.message,
    ...(err.code ? { code: err.code } : {}),
    error_info: API_ERROR_INFO,
    data: null,
    additional_data: null,
  });
}

export function gatewayErrorReply(status: number, message: string, headers?: Record<string, string>): EmuReply {
  return json(status, { success: false, error: message, errorCode: status, error_info: GATEWAY_ERROR_INFO }, headers);
}

export const unauthorizedReply = (): EmuReply => gatewayErrorReply(401, 'unauthorized access');
