import type { EmulatorBackend } from '../common/server';
import { Router } from '../common/http';
import type { BackendOptions } from '../index';
import type { Ctx } from './context';
import { ApiError, gatewayErrorReply } from './errors';
import { FieldRegistry } from './fields';
import { createGuard, rateLimitedReply, type Guard, type Limits } from './guard';
import type { EntityKind } from './model';
import { RateLimiter } from './rate-limit';
import { registerAccount } from './routes-account';
import { registerFields } from './routes-fields';
import { registerOAuth } from './routes-oauth';
import { registerV1Entities } from './routes-v1';
import { registerV2Entities } from './routes-v2';
import { applySeedFields, applySeedRecords, parseSeed } from './seed';
import { resolveSettings } from './settings';
import { Store } from './store';
import { TokenRegistry } from './tokens';
import { toV2 } from './view-v2';

export interface PipedriveOptions extends BackendOptions {
  /** Clock for timestamps, token expiry and rate limits (tests move it forward). */
  now?: () => number;
  /** Burst limits, over the seed file's and the defaults. */
  rateLimits?: Partial<Limits>;
}

/** Pipedrive serves v1 under /api/v1 and, historically, /v1 (the SDK's default base path). */
const V1_PREFIXES = ['/api/v1', '/v1'];
const V2_PREFIX = '/api/v2';
/** Pipedrive access tokens live one hour. */
const DEFAULT_TOKEN_TTL_SECONDS = 3600;

const kindAliases: Record<string, EntityKind> = {
  person: 'person',
  persons: 'person',
  organization: 'organization',
  organizations: 'organization',
  org: 'organization',
  deal: 'deal',
  deals: 'deal',
};

export function createPipedriveBackend(opts: PipedriveOptions = {}): EmulatorBackend {
  const now = opts.now ?? Date.now;
  const seed = parseSeed(opts.seed);
  const settings = resolveSettings(seed, opts.rateLimits);
  const ctx: Ctx = { store: new Store(now), fields: new FieldRegistry(now), now, ...settings };
  applySeedFields(ctx, seed);
  applySeedRecords(ctx, seed);

  const tokens = new TokenRegistry(now, new Set(opts.token ? [opts.token] : []), opts.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS);
  const limiter = new RateLimiter(now);
  const guard = createGuard(tokens, limiter, settings.limits, now);
  const router = new Router();
  registerOAuth(router, { tokens, clients: settings.oauthClients, autoApprove: opts.autoApprove ?? false, companyName: settings.company.name });
  registerAccount(router, ctx, guard, V1_PREFIXES, V2_PREFIX, now());
  registerFields(router, ctx, guard, V1_PREFIXES, V2_PREFIX);
  for (const prefix of V1_PREFIXES) registerV1Entities(router, ctx, guard, prefix);
  registerV2Entities(router, ctx, guard, V2_PREFIX);
  registerUnknownPaths(router, guard);

  return {
    router,
    records(objectName) {
      const kind = kindAliases[objectName.toLowerCase()];
      return kind ? ctx.store.all(kind).map((r) => toV2(ctx, kind, r, { allCustom: true })) : undefined;
    },
    reset() {
      ctx.store.reset();
      limiter.reset();
    },
    expireTokens: () => tokens.expireAll(),
    rateLimitedReply: () => rateLimitedReply(RateLimiter.exhaustedHeaders(settings.limits.apiToken)),
    serverErrorReply: (_req, status) => gatewayErrorReply(status, status === 503 ? 'Service Unavailable' : 'Internal Server Error'),
    isFaultExempt: (path) => path.startsWith('/oauth/authorize'),
  };
}

/** Unknown API paths: authenticated first (as Pipedrive's gateway does), then a Pipedrive 404. */
function registerUnknownPaths(router: Router, guard: Guard): void {
  const unknown = guard((req) => {
    throw new ApiError(404, `Unknown method ${req.method} ${req.path}`);
  });
  for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
    for (const prefix of ['/api', '/v1']) router.on(method, `${prefix}/*`, unknown);
  }
}
