import { Router, json, type EmuReply, type EmuRequest } from '../common/http';
import type { EmulatorBackend } from '../common/server';
import type { BackendOptions } from '../index';
import { ApiUsage } from './api';
import { Tokens } from './auth';
import { BulkJobs } from './bulk2/jobs';
import { parseDateTime } from './dates';
import { Dml } from './dml';
import { errorReply } from './errors';
import { Schema } from './metadata/schema';
import { Org } from './org';
import { adminRoutes } from './routes/admin';
import { bulk2Routes } from './routes/bulk2';
import { compositeRoutes } from './routes/composite';
import { fallbackRoutes } from './routes/fallback';
import { limitsRoutes } from './routes/limits';
import { oauthRoutes } from './routes/oauth';
import { queryRoutes } from './routes/query';
import { QueryCursors } from './routes/queryCursors';
import { replicationRoutes } from './routes/replication';
import { sobjectRoutes } from './routes/sobjects';
import { versionRoutes } from './routes/versions';
import { connectedApps, loadSeedRecords, parseSeed } from './seed';
import type { SfState } from './state';
import { touchRecords } from './touch';

export const DEFAULT_DAILY_API_REQUESTS = 15000;
export const DEFAULT_TOKEN_TTL_SECONDS = 2 * 60 * 60;
export const LATEST_API_VERSION = 66;
export const OLDEST_API_VERSION = 31;

/** The Salesforce backend plus handles tests may use directly (org state, merge, clock). */
export interface SalesforceBackend extends EmulatorBackend {
  state: SfState;
  /** Merge like the platform: losers deleted with MasterRecordId, their children re-parented. */
  merge(objectName: string, masterId: string, loserIds: string[], masterFields?: Record<string, unknown>): void;
  /** Gives records (all live ones without ids) one LastModifiedDate / SystemModstamp; returns how many. */
  touch(objectName: string, ids?: string[], at?: string): number;
  /** Moves the org clock (timestamps, date literals, token expiry). */
  advanceClock(ms: number): void;
}

export function createSalesforceBackend(opts: BackendOptions = {}): SalesforceBackend {
  const seed = parseSeed(opts.seed);
  const org = new Org(new Schema(seed.objects ?? [], seed.fields ?? {}), seed.org);
  const dml = new Dml(org);
  const ttl = (opts.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS) * 1000;
  const state: SfState = {
    org,
    dml,
    tokens: new Tokens(org.clock, ttl, org.identity.organizationId, opts.token),
    usage: new ApiUsage(seed.limits?.dailyApiRequests ?? DEFAULT_DAILY_API_REQUESTS, seed.limits?.apiRequestsUsed ?? 0),
    cursors: new QueryCursors(org.ids),
    jobs: new BulkJobs(org, dml),
    config: {
      apps: connectedApps(seed),
      autoApprove: !!opts.autoApprove,
      oldestVersion: OLDEST_API_VERSION,
      latestVersion: seed.latestApiVersion ? Number.parseInt(seed.latestApiVersion, 10) : LATEST_API_VERSION,
    },
  };
  loadSeedRecords(org, dml, seed);
  if (seed.permissions) org.permissions.set(seed.permissions);

  const router = new Router();
  oauthRoutes(router, state);
  versionRoutes(router, state);
  limitsRoutes(router, state);
  queryRoutes(router, state);
  replicationRoutes(router, state);
  sobjectRoutes(router, state);
  compositeRoutes(router, state);
  bulk2Routes(router, state);
  fallbackRoutes(router, state);

  return {
    router,
    adminRouter: adminRoutes(state),
    state,
    records(objectName) {
      const obj = org.object(objectName);
      return obj && org.dump(obj);
    },
    reset() {
      org.reset();
      state.cursors.reset();
      state.jobs.reset();
      state.usage.used = 0;
    },
    expireTokens() {
      state.tokens.expireAll();
    },
    rateLimitedReply: (req) => rateLimited(req),
    serverErrorReply: (_req, status) => serverError(status),
    isFaultExempt: (path) => path === '/services/oauth2/authorize',
    merge(objectName, masterId, loserIds, masterFields) {
      dml.merge(org.schema.require(objectName), masterId, loserIds, masterFields);
    },
    touch(objectName, ids, at) {
      const ms = at === undefined ? org.clock.now() : parseDateTime(at);
      if (ms === undefined) throw new Error(`touch: ${at} is no ISO datetime`);
      return touchRecords(org, org.schema.require(objectName), ids, ms);
    },
    advanceClock(ms) {
      org.clock.offsetMs += ms;
    },
  };
}

/** The shared 429 knob: a throttle signal in Salesforce's error shape (its own limit answer is 403). */
function rateLimited(req: EmuRequest): EmuReply {
  const reply = req.path.startsWith('/services/oauth2/')
    ? json(429, { error: 'rate_limited', error_description: 'too many requests' })
    : errorReply(429, 'REQUEST_LIMIT_EXCEEDED', 'Too many requests. Retry after the time given in Retry-After.');
  return { ...reply, headers: { ...(reply.headers ?? {}), 'Retry-After': '1' } };
}

function serverError(status: number): EmuReply {
  return status === 503
    ? errorReply(503, 'SERVER_UNAVAILABLE', 'Server temporarily unavailable. Please try again later.')
    : errorReply(500, 'UNKNOWN_EXCEPTION', 'An unexpected error occurred. Please include this ErrorId if you contact support: 1234567890-12345 (-1234567890)');
}
