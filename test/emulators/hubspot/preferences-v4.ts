import { json, type EmuRequest, type Router } from '../common/http';
import { guard, jsonObject, type ApiContext } from './api';
import { missingAttributes, validationError } from './errors';
import { checkEmail, legalFields, PREFERENCE_SCOPES, requireDefinition, type LegalFields } from './subscription-rules';
import type { SubscriptionDefinition, SubscriptionStore } from './subscription-store';

const BASE = '/communication-preferences/v4/statuses';
const STATES = ['SUBSCRIBED', 'UNSUBSCRIBED', 'NOT_SPECIFIED'] as const;
type StatusState = (typeof STATES)[number];
type SuccessReason = 'RESUBSCRIBE_OCCURRED' | 'NO_STATUS_CHANGE' | 'UNSUBSCRIBE_FROM_ALL_OCCURRED' | 'REQUESTED_CHANGE_OCCURRED';

const iso = (ms: number) => new Date(ms).toISOString();

/** v4 statuses are per channel; EMAIL is the only one the emulator knows. */
function requireEmailChannel(raw: unknown): void {
  if (raw !== 'EMAIL') throw validationError(`channel must be EMAIL, got ${raw === undefined || raw === null ? 'nothing' : String(raw)}`);
}

function currentState(store: SubscriptionStore, email: string, def: SubscriptionDefinition): StatusState {
  if (store.optedOutOfAll(email) !== undefined) return 'UNSUBSCRIBED';
  return store.status(email, def.id)?.state ?? 'NOT_SPECIFIED';
}

function result(store: SubscriptionStore, email: string, def: SubscriptionDefinition, reason?: SuccessReason) {
  const stored = store.status(email, def.id);
  const optedOutAt = store.optedOutOfAll(email);
  return {
    channel: 'EMAIL',
    status: currentState(store, email, def),
    subscriberIdString: email,
    subscriptionId: Number(def.id),
    subscriptionName: def.name,
    source: optedOutAt !== undefined ? 'UNSUBSCRIBE_FROM_ALL' : (stored?.source ?? 'NONE'),
    timestamp: iso(optedOutAt ?? stored?.timestamp ?? Date.parse(def.createdAt)),
    ...(stored?.legalBasis ? { legalBasis: stored.legalBasis } : {}),
    ...(stored?.legalBasisExplanation ? { legalBasisExplanation: stored.legalBasisExplanation } : {}),
    ...(reason ? { setStatusSuccessReason: reason } : {}),
  };
}

function batch(ctx: ApiContext, results: unknown[]) {
  const at = iso(ctx.now());
  return json(200, { status: 'COMPLETE', results, startedAt: at, completedAt: at });
}

/** Applies one requested state; v4, unlike v3, may resubscribe someone who opted out. */
function setState(ctx: ApiContext, email: string, def: SubscriptionDefinition, wanted: StatusState, legal: LegalFields): SuccessReason {
  const store = ctx.store.subscriptions;
  const before = currentState(store, email, def);
  if (before === wanted) return 'NO_STATUS_CHANGE';
  if (wanted === 'NOT_SPECIFIED') store.forget(email, def.id);
  else store.set({ email, subscriptionId: def.id, state: wanted, ...legal, source: 'v4', timestamp: ctx.now() });
  if (wanted === 'SUBSCRIBED' && before === 'UNSUBSCRIBED') {
    store.setOptedOutOfAll(email, undefined);
    return 'RESUBSCRIBE_OCCURRED';
  }
  return 'REQUESTED_CHANGE_OCCURRED';
}

function parseUpdate(ctx: ApiContext, req: EmuRequest) {
  const body = jsonObject(req);
  const missing = ['channel', 'statusState', 'subscriptionId'].filter((k) => body[k] === undefined || body[k] === null || body[k] === '');
  if (missing.length > 0) throw missingAttributes('PartialPublicStatusRequest', missing);
  requireEmailChannel(body.channel);
  const wanted = String(body.statusState).toUpperCase() as StatusState;
  if (!STATES.includes(wanted)) throw validationError(`statusState must be one of ${STATES.join(', ')}`);
  const def = requireDefinition(ctx.store.subscriptions, String(body.subscriptionId));
  return { def, wanted, legal: legalFields(ctx.store.subscriptions, body) };
}

/** v4 statuses for one subscriber (an email address): read, set, unsubscribe from all. */
export function registerPreferencesV4Routes(router: Router, ctx: ApiContext): void {
  const subs = ctx.store.subscriptions;
  router
    .on(
      'GET',
      `${BASE}/:subscriberIdString`,
      guard(ctx, PREFERENCE_SCOPES.read, (req) => {
        requireEmailChannel(req.query.get('channel'));
        const email = checkEmail(req.params.subscriberIdString);
        return batch(ctx, subs.definitions.filter((d) => d.isActive).map((d) => result(subs, email, d)));
      }),
    )
    .on(
      'POST',
      `${BASE}/:subscriberIdString`,
      guard(ctx, PREFERENCE_SCOPES.write, (req) => {
        const email = checkEmail(req.params.subscriberIdString);
        const { def, wanted, legal } = parseUpdate(ctx, req);
        const reason = setState(ctx, email, def, wanted, legal);
        return batch(ctx, [result(subs, email, def, reason)]);
      }),
    )
    .on(
      'POST',
      `${BASE}/:subscriberIdString/unsubscribe-all`,
      guard(ctx, PREFERENCE_SCOPES.write, (req) => {
        requireEmailChannel(req.query.get('channel'));
        const email = checkEmail(req.params.subscriberIdString);
        const already = subs.optedOutOfAll(email) !== undefined;
        if (!already) subs.setOptedOutOfAll(email, ctx.now());
        const reason: SuccessReason = already ? 'NO_STATUS_CHANGE' : 'UNSUBSCRIBE_FROM_ALL_OCCURRED';
        return batch(ctx, subs.definitions.filter((d) => d.isActive).map((d) => result(subs, email, d, reason)));
      }),
    );
}
