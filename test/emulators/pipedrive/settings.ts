import type { Limits } from './guard';
import type { Company, Pipeline, Stage, User } from './model';
import type { OAuthClient } from './routes-oauth';
import type { Seed } from './seed';

export interface Settings {
  company: Company;
  users: User[];
  limits: Limits;
  oauthClients: OAuthClient[];
  pipelines: Pipeline[];
  stages: Stage[];
}

/**
 * Burst limits per 2-second window (Pipedrive's "Professional" row): 80 per api_token, 320 per
 * OAuth token, and 10 for search endpoints on every plan.
 */
export const defaultLimits: Limits = {
  apiToken: { limit: 80, windowSeconds: 2 },
  oauth: { limit: 320, windowSeconds: 2 },
  search: { limit: 10, windowSeconds: 2 },
};

const defaultStages = ['Qualified', 'Contact Made', 'Demo Scheduled', 'Proposal Made', 'Negotiations Started'];

/** Account settings: defaults, then the seed file, then options given in code. */
export function resolveSettings(seed: Seed, limitOverrides: Partial<Limits> = {}): Settings {
  return {
    company: { id: 1001, name: 'Emulator Events Ltd', domain: 'emulator-events', country: 'US', currency: 'USD', ...seed.company },
    users: seed.users ?? [{ id: 1, name: 'Emulator Admin', email: 'admin@emulator-events.test' }],
    limits: { ...defaultLimits, ...seed.rateLimits, ...limitOverrides },
    oauthClients: seed.oauthClients ?? [],
    pipelines: [{ id: 1, name: 'Pipeline', order_nr: 1 }],
    stages: defaultStages.map((name, i) => ({ id: i + 1, pipeline_id: 1, name, order_nr: i + 1, deal_probability: 100 })),
  };
}
