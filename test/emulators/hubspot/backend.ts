import { Router, type EmuRequest } from '../common/http';
import type { EmulatorBackend } from '../common/server';
import type { BackendOptions } from '../index';
import { adminRecords } from './admin-records';
import type { ApiContext } from './api';
import { registerAssociationRoutes } from './associations';
import { registerBatchRoutes } from './batch';
import { serverError } from './errors';
import { registerListRoutes } from './list-routes';
import { registerAttendanceRoutes } from './marketing-event-attendance';
import { registerMarketingEventRoutes } from './marketing-event-routes';
import { registerOAuthRoutes } from './oauth';
import { registerObjectRoutes } from './objects';
import { registerPipelineRoutes } from './pipeline-routes';
import { registerPreferencesV3Routes } from './preferences-v3';
import { registerPreferencesV4Routes } from './preferences-v4';
import { registerPropertyRoutes } from './property-routes';
import { RateLimiter, RateLimitSchema, rateLimitBody, SECONDLY_MESSAGE, TEN_SECONDLY_MESSAGE, type RateLimitConfig } from './ratelimit';
import { registerSearchRoutes } from './search';
import { applySeed, DEFAULT_ACCOUNT, DEFAULT_OAUTH_APP, parseSeed } from './seed';
import { HubStore } from './store';
import { TokenRegistry } from './tokens';

/** HubSpot access tokens live 30 minutes. */
export const DEFAULT_TOKEN_TTL_SECONDS = 1800;

export interface HubSpotBackendOptions extends BackendOptions {
  /** Overrides the seed's rate limits (tests use small windows). */
  rateLimits?: Partial<RateLimitConfig>;
  /** Clock for tests; defaults to Date.now. */
  now?: () => number;
}

export interface HubSpotBackend extends EmulatorBackend {
  store: HubStore;
  tokens: TokenRegistry;
  limiter: RateLimiter;
}

const isSearch = (path: string) => /^\/crm\/v3\/objects\/[^/]+\/search\/?$/.test(path);

/**
 * The HubSpot emulator: OAuth v1, CRM objects v3, properties, search, associations v4, pipelines, lists,
 * marketing events and communication preferences.
 */
export function createHubSpotBackend(opts: HubSpotBackendOptions = {}): HubSpotBackend {
  const now = opts.now ?? Date.now;
  const seed = parseSeed(opts.seed);
  const store = new HubStore(now);
  applySeed(store, seed, new Date(now()).toISOString());
  const tokens = new TokenRegistry(
    { ...DEFAULT_ACCOUNT, ...seed.account },
    seed.oauthApps ?? [DEFAULT_OAUTH_APP],
    opts.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS,
    now,
  );
  if (opts.token) tokens.addPrivateAppToken(opts.token);
  const limiter = new RateLimiter(RateLimitSchema.parse({ ...seed.rateLimits, ...opts.rateLimits }));

  const router = new Router();
  const ctx: ApiContext = { store, tokens, limiter, now };
  registerOAuthRoutes(router, tokens, opts.autoApprove ?? false);
  registerBatchRoutes(router, ctx);
  registerSearchRoutes(router, ctx);
  registerObjectRoutes(router, ctx);
  registerPropertyRoutes(router, ctx);
  registerAssociationRoutes(router, ctx);
  registerPipelineRoutes(router, ctx);
  registerListRoutes(router, ctx);
  registerAttendanceRoutes(router, ctx);
  registerMarketingEventRoutes(router, ctx);
  registerPreferencesV3Routes(router, ctx);
  registerPreferencesV4Routes(router, ctx);

  return {
    router,
    store,
    tokens,
    limiter,
    records(objectName: string) {
      return adminRecords(store, objectName);
    },
    reset() {
      store.reset();
      limiter.reset();
    },
    expireTokens() {
      tokens.expireAll();
    },
    rateLimitedReply(req: EmuRequest) {
      const body = isSearch(req.path) ? rateLimitBody('SECONDLY', SECONDLY_MESSAGE) : rateLimitBody('TEN_SECONDLY_ROLLING', TEN_SECONDLY_MESSAGE);
      return { status: 429, body, headers: { 'x-hubspot-correlation-id': body.correlationId } };
    },
    serverErrorReply(_req: EmuRequest, status: number) {
      return serverError(status);
    },
    isFaultExempt(path: string) {
      return path === '/oauth/authorize';
    },
  };
}
