import type { ApiClient } from '../http';
import { isProviderError } from '../errors';
import type { ScopeGrants } from '../provider';

/** Object type ids HubSpot also accepts in paths, by the scope family that guards them. */
const TYPE_IDS: Record<string, string> = { '0-1': 'contacts', '0-2': 'companies', '0-3': 'deals', '0-5': 'tickets', '0-7': 'products', '0-8': 'line_items' };
const SINGULAR: Record<string, string> = { contact: 'contacts', company: 'companies', deal: 'deals', ticket: 'tickets', product: 'products', line_item: 'line_items' };

/** Objects the legacy `contacts` scope still covers (apps installed before granular scopes). */
const LEGACY_CONTACTS = new Set(['contacts', 'companies', 'deals']);

/** The `crm.objects.<family>` a path's object type belongs to: custom objects (2-…) share one. */
export function scopeFamily(object: string): string {
  const o = object.toLowerCase();
  if (/^2-\d+$/.test(o) || o.startsWith('p_')) return 'custom';
  return TYPE_IDS[o] ?? SINGULAR[o] ?? o;
}

/** The scope a read or write of `object` needs, when `granted` lacks it and every alternative. */
export function missingScopes(granted: readonly string[], object: string, access: 'read' | 'write'): string[] {
  const family = scopeFamily(object);
  const scope = `crm.objects.${family}.${access}`;
  const has = new Set(granted);
  if (has.has(scope) || (LEGACY_CONTACTS.has(family) && has.has('contacts'))) return [];
  return [scope];
}

export function scopeGrants(granted: string[]): ScopeGrants {
  return { granted, missingFor: (object, access) => missingScopes(granted, object, access) };
}

/** Private-app tokens start with pat- (pat-na1-…, pat-eu1-…); the rest are OAuth access tokens. */
const isPrivateAppToken = (token: string): boolean => token.startsWith('pat-');

/**
 * The scopes a token carries: OAuth tokens describe themselves at /oauth/v1/access-tokens,
 * private-app tokens at /oauth/v2/private-apps/get/access-token-info. Undefined when HubSpot
 * does not say (an older private app, an endpoint this portal lacks).
 */
export async function readGrantedScopes(api: ApiClient, token: string): Promise<string[] | undefined> {
  try {
    const res = isPrivateAppToken(token)
      ? await api.request<{ scopes?: unknown }>({ method: 'POST', path: '/oauth/v2/private-apps/get/access-token-info', json: { tokenKey: token }, idempotent: true })
      : await api.request<{ scopes?: unknown }>({ method: 'GET', path: `/oauth/v1/access-tokens/${encodeURIComponent(token)}` });
    const scopes = res.body.scopes;
    return Array.isArray(scopes) && scopes.every((s) => typeof s === 'string') ? scopes : undefined;
  } catch (err) {
    if (!isProviderError(err) || err.kind === 'auth' || err.kind === 'transient' || err.kind === 'rate-limit') throw err;
    return undefined;
  }
}
