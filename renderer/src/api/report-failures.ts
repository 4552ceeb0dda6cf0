import type { Api } from '../../../shared/ipc/api';

export type FailureListener = (channel: string, err: unknown) => void;

/**
 * Wraps every call of the api so a failure is reported once, centrally (the app shows it as a
 * toast), and still rejects so the caller can reset its own loading state.
 */
export function reportFailures(api: Api, onFailure: FailureListener): Api {
  const wrapped: Record<string, unknown> = { on: api.on };
  for (const [domain, methods] of Object.entries(api)) {
    if (domain === 'on') continue;
    const out: Record<string, (request?: unknown) => Promise<unknown>> = {};
    for (const [method, fn] of Object.entries(methods as Record<string, (request?: unknown) => Promise<unknown>>)) {
      out[method] = async (request?: unknown) => {
        try {
          return await fn(request);
        } catch (err) {
          onFailure(`${domain}:${method}`, err);
          throw err;
        }
      };
    }
    wrapped[domain] = out;
  }
  return wrapped as Api;
}
