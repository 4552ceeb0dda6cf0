import { json, type Router } from '../common/http';
import { guard, jsonObject, type ApiContext } from './api';
import { missingAttributes, validationError } from './errors';
import { checkEmail, legalFields, PREFERENCE_SCOPES, requireDefinition } from './subscription-rules';
import type { SubscriptionDefinition, SubscriptionStore } from './subscription-store';

const BASE = '/communication-preferences/v3';

/** One subscription's status for an email as v3 reports it. */
function statusOf(store: SubscriptionStore, email: string, def: SubscriptionDefinition) {
  const base = { id: def.id, name: def.name, description: def.description };
  if (store.optedOutOfAll(email) !== undefined) return { ...base, status: 'NOT_SUBSCRIBED', sourceOfStatus: 'PORTAL_WIDE_STATUS' };
  const stored = store.status(email, def.id);
  return {
    ...base,
    status: stored?.state === 'SUBSCRIBED' ? 'SUBSCRIBED' : 'NOT_SUBSCRIBED',
    sourceOfStatus: 'SUBSCRIPTION_STATUS',
    ...(stored?.legalBasis ? { legalBasis: stored.legalBasis } : {}),
    ...(stored?.legalBasisExplanation ? { legalBasisExplanation: stored.legalBasisExplanation } : {}),
  };
}

function parseRequest(store: SubscriptionStore, body: Record<string, unknown>) {
  const missing = ['emailAddress', 'subscriptionId'].filter((k) => body[k] === undefined || body[k] === null || body[k] === '');
  if (missing.length > 0) throw missingAttributes('PublicUpdateSubscriptionStatusRequest', missing);
  const email = checkEmail(String(body.emailAddress));
  const def = requireDefinition(store, String(body.subscriptionId));
  return { email, def, legal: legalFields(store, body) };
}

/** v3 definitions, status by email, subscribe and unsubscribe. */
export function registerPreferencesV3Routes(router: Router, ctx: ApiContext): void {
  const subs = ctx.store.subscriptions;
  router
    .on('GET', `${BASE}/definitions`, guard(ctx, PREFERENCE_SCOPES.read, () => json(200, { subscriptionDefinitions: subs.definitions })))
    .on(
      'GET',
      `${BASE}/status/email/:emailAddress`,
      guard(ctx, PREFERENCE_SCOPES.read, (req) => {
        const email = checkEmail(req.params.emailAddress);
        const statuses = subs.definitions.filter((d) => d.isActive).map((d) => statusOf(subs, email, d));
        return json(200, { recipient: email, subscriptionStatuses: statuses });
      }),
    )
    .on(
      'POST',
      `${BASE}/subscribe`,
      guard(ctx, PREFERENCE_SCOPES.write, (req) => {
        const { email, def, legal } = parseRequest(subs, jsonObject(req));
        // v3 never resubscribes someone who opted out; HubSpot points to v4 for that.
        if (subs.optedOutOfAll(email) !== undefined || subs.status(email, def.id)?.state === 'UNSUBSCRIBED') {
          throw validationError(`${email} has opted out of ${def.name} and cannot be resubscribed through this API.`, {
            subCategory: 'OPTED_OUT',
            context: { emailAddress: [email], subscriptionId: [def.id] },
          });
        }
        subs.set({ email, subscriptionId: def.id, state: 'SUBSCRIBED', ...legal, source: 'v3', timestamp: ctx.now() });
        return json(200, statusOf(subs, email, def));
      }),
    )
    .on(
      'POST',
      `${BASE}/unsubscribe`,
      guard(ctx, PREFERENCE_SCOPES.write, (req) => {
        const { email, def, legal } = parseRequest(subs, jsonObject(req));
        subs.set({ email, subscriptionId: def.id, state: 'UNSUBSCRIBED', ...legal, source: 'v3', timestamp: ctx.now() });
        return json(200, statusOf(subs, email, def));
      }),
    );
}
