import { randomUUID } from 'node:crypto';
import type { EmuReply } from '../common/http';

/** One entry of HubSpot's `errors` array. */
export interface ErrorDetail {
  message: string;
  code?: string;
  in?: string;
  subCategory?: string;
  context?: Record<string, string[]>;
}

/** The standard error body every CRM endpoint answers with. */
export interface HubErrorBody {
  status: 'error';
  message: string;
  correlationId: string;
  category: string;
  subCategory?: string;
  errors?: ErrorDetail[];
  context?: Record<string, string[]>;
  links?: Record<string, string>;
}

export type ErrorExtras = Partial<Omit<HubErrorBody, 'status' | 'message' | 'category' | 'correlationId'>>;

export const correlationId = (): string => randomUUID();

export function errorBody(category: string, message: string, extras: ErrorExtras = {}): HubErrorBody {
  return { status: 'error', message, correlationId: correlationId(), category, ...extras };
}

export function hubError(status: number, category: string, message: string, extras: ErrorExtras = {}): EmuReply {
  const body = errorBody(category, message, extras);
  return { status, body, headers: { 'x-hubspot-correlation-id': body.correlationId } };
}

/** A 400 that callers can throw from deep inside validation and have turned into the reply. */
export class HubApiError extends Error {
  constructor(
    readonly status: number,
    readonly category: string,
    message: string,
    readonly extras: ErrorExtras = {},
  ) {
    super(message);
  }

  toReply(): EmuReply {
    return hubError(this.status, this.category, this.message, this.extras);
  }

  toBody(): HubErrorBody {
    return errorBody(this.category, this.message, this.extras);
  }
}

export const validationError = (message: string, extras?: ErrorExtras): HubApiError =>
  new HubApiError(400, 'VALIDATION_ERROR', message, extras);

/** HubSpot's wording when a required attribute of a request model is missing (seen on v3 JSON bodies). */
export const missingAttributes = (model: string, names: string[]): HubApiError =>
  validationError(`Invalid input JSON on line 1, column 1: Cannot build ${model}, some of required attributes are not set [${names.join(', ')}]`);

/** One failed property check, in the JSON HubSpot embeds in "Property values were not valid: [...]". */
export interface PropertyProblem {
  name: string;
  error: string;
  message: string;
}

/** HubSpot reports bad property values as a JSON array inside the message text, one entry per property. */
export function invalidProperties(problems: PropertyProblem[]): HubApiError {
  const embedded = problems.map((p) => ({
    isValid: false,
    message: p.message,
    error: p.error,
    name: p.name,
    localizedErrorMessage: p.message,
  }));
  return validationError(`Property values were not valid: ${JSON.stringify(embedded)}`, {
    errors: problems.map((p) => ({ message: p.message, code: p.error, context: { propertyName: [p.name] } })),
  });
}

export const objectNotFound = (message = 'resource not found', extras?: ErrorExtras): HubApiError =>
  new HubApiError(404, 'OBJECT_NOT_FOUND', message, extras);

export const contactConflict = (existingId: string): HubApiError =>
  new HubApiError(409, 'CONFLICT', `Contact already exists. Existing ID: ${existingId}`);

export const AUTH_DOCS = 'https://developers.hubspot.com/docs/methods/auth/oauth-overview';

export function missingCredentials(): EmuReply {
  return hubError(
    401,
    'INVALID_AUTHENTICATION',
    `Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at ${AUTH_DOCS}`,
  );
}

/** HubSpot words token age in the largest whole unit ("expired 5 hour(s) ago"). */
export function expiredAuthentication(expiredAtMs: number, nowMs: number): EmuReply {
  const ageSeconds = Math.max(0, Math.floor((nowMs - expiredAtMs) / 1000));
  const [amount, unit] =
    ageSeconds < 60
      ? [ageSeconds, 'second']
      : ageSeconds < 3600
        ? [Math.floor(ageSeconds / 60), 'minute']
        : ageSeconds < 86400
          ? [Math.floor(ageSeconds / 3600), 'hour']
          : [Math.floor(ageSeconds / 86400), 'day'];
  return hubError(401, 'EXPIRED_AUTHENTICATION', `The OAuth token used to make this call expired ${amount} ${unit}(s) ago.`, {
    context: { 'expire time': [new Date(expiredAtMs).toISOString()] },
  });
}

export function missingScopes(required: string[]): EmuReply {
  return hubError(
    403,
    'MISSING_SCOPES',
    "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.",
    {
      errors: [{ message: 'One or more of the following scopes are required.', context: { requiredGranularScopes: required } }],
      links: { scopes: 'https://developers.hubspot.com/scopes' },
    },
  );
}

/** The 500/503 bodies HubSpot's API gateway answers with on transient failures. */
export function serverError(status: number): EmuReply {
  return status === 503
    ? hubError(503, 'SERVICE_UNAVAILABLE', 'Service Unavailable')
    : hubError(status, 'INTERNAL_ERROR', 'internal error');
}

/** The OAuth endpoints use their own body: `status` carries the error code. */
export function oauthError(code: string, message: string, status = 400): EmuReply {
  const id = correlationId();
  return { status, body: { status: code, message, correlationId: id }, headers: { 'x-hubspot-correlation-id': id } };
}
