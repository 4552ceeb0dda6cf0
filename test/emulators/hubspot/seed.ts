import { z } from 'zod';
import { associationType, defaultAssociationType } from './association-types';
import { HubApiError } from './errors';
import { OBJECT_TYPES, type ObjectType } from './object-types';
import { buildCustomProperty, PropertyCreateSchema } from './property-routes';
import { RateLimitSchema } from './ratelimit';
import { checkConstraints, createRecord, validateProperties } from './records';
import type { HubStore } from './store';
import { LEGAL_BASES } from './subscription-store';
import type { Account, OAuthApp } from './tokens';

export const DEFAULT_ACCOUNT: Account = { hubId: 24681357, hubDomain: 'ticket-crm-sync-demo.hubspot.com', user: 'demo@ticket-crm-sync.test', userId: 7001 };

/** The app the emulator knows when the seed names none. */
export const DEFAULT_OAUTH_APP: OAuthApp = {
  appId: 4242,
  clientId: 'hubspot-emulator-client-id',
  clientSecret: 'hubspot-emulator-client-secret',
  redirectUris: [],
};

const ObjectTypeName = z.enum(['contacts', 'companies', 'deals']);
const Id = z.union([z.string().regex(/^\d+$/), z.number().int().positive()]).transform(String);

const SeedRecord = z.object({
  id: Id.optional(),
  properties: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).default({}),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
  archived: z.boolean().optional(),
});

const SubscriptionDefinitionSeed = z.object({
  id: Id,
  name: z.string().min(1),
  description: z.string().default(''),
  purpose: z.string().default('Marketing'),
  communicationMethod: z.string().default('Email'),
  isActive: z.boolean().default(true),
  isDefault: z.boolean().default(false),
  isInternal: z.boolean().default(false),
});

const CommunicationPreferencesSeed = z
  .object({
    /** GDPR-enabled accounts need legalBasis and legalBasisExplanation on every status change. */
    gdprEnabled: z.boolean().default(false),
    /** Replaces the default subscription types. */
    definitions: z.array(SubscriptionDefinitionSeed).optional(),
    statuses: z
      .array(
        z.object({
          email: z.email(),
          subscriptionId: Id,
          status: z.enum(['SUBSCRIBED', 'UNSUBSCRIBED']),
          legalBasis: z.enum(LEGAL_BASES).optional(),
          legalBasisExplanation: z.string().optional(),
        }),
      )
      .default([]),
    /** Emails that unsubscribed from all email. */
    unsubscribedFromAll: z.array(z.email()).default([]),
  })
  .strict();

const perType = <T extends z.ZodType>(item: T) =>
  z.object({ contacts: z.array(item).optional(), companies: z.array(item).optional(), deals: z.array(item).optional() }).strict();

export const HubSpotSeedSchema = z
  .object({
    account: z.object({ hubId: z.number().int(), hubDomain: z.string(), user: z.string(), userId: z.number().int() }).partial().optional(),
    oauthApps: z
      .array(z.object({ appId: z.number().int(), clientId: z.string().min(1), clientSecret: z.string().min(1), redirectUris: z.array(z.string()).default([]) }))
      .optional(),
    rateLimits: RateLimitSchema.partial().optional(),
    properties: perType(PropertyCreateSchema).optional(),
    records: perType(SeedRecord).optional(),
    marketingEvents: z.object({ customPropertyNames: z.array(z.string().min(1)).default([]) }).strict().optional(),
    communicationPreferences: CommunicationPreferencesSeed.optional(),
    associations: z
      .array(
        z.object({
          from: z.object({ type: ObjectTypeName, id: Id }),
          to: z.object({ type: ObjectTypeName, id: Id }),
          typeId: z.number().int().optional(),
        }),
      )
      .optional(),
  })
  .strict();
export type HubSpotSeed = z.infer<typeof HubSpotSeedSchema>;

export function parseSeed(raw: unknown): HubSpotSeed {
  const parsed = HubSpotSeedSchema.safeParse(raw ?? {});
  if (!parsed.success) throw new Error(`invalid HubSpot seed: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

const ms = (iso: string | undefined) => (iso ? Date.parse(iso) : undefined);

function seedRecords(store: HubStore, type: ObjectType, records: z.infer<typeof SeedRecord>[]): void {
  records.forEach((r, i) => {
    try {
      const changes = validateProperties(store, type, r.properties, { allowReadOnly: true });
      checkConstraints(store, type, changes);
      createRecord(store, type, changes, {
        id: r.id,
        createdAt: ms(r.createdAt) ?? ms(r.properties.createdate as string | undefined),
        updatedAt: ms(r.updatedAt) ?? ms((r.properties.lastmodifieddate ?? r.properties.hs_lastmodifieddate) as string | undefined),
        archived: r.archived,
      });
    } catch (err) {
      if (err instanceof HubApiError) throw new Error(`invalid HubSpot seed: records.${type}[${i}]: ${err.message}`);
      throw err;
    }
  });
}

function seedPreferences(store: HubStore, prefs: z.infer<typeof CommunicationPreferencesSeed>, nowIso: string): void {
  const subs = store.subscriptions;
  subs.gdprEnabled = prefs.gdprEnabled;
  if (prefs.definitions) subs.definitions = prefs.definitions.map((d) => ({ ...d, createdAt: nowIso, updatedAt: nowIso }));
  const at = Date.parse(nowIso);
  prefs.statuses.forEach((s, i) => {
    if (!subs.definition(s.subscriptionId)) throw new Error(`invalid HubSpot seed: communicationPreferences.statuses[${i}]: no subscription ${s.subscriptionId}`);
    subs.set({ email: s.email, subscriptionId: s.subscriptionId, state: s.status, legalBasis: s.legalBasis, legalBasisExplanation: s.legalBasisExplanation, source: 'seed', timestamp: at });
  });
  for (const email of prefs.unsubscribedFromAll) subs.setOptedOutOfAll(email, at);
}

/** Loads custom properties, then records, then associations, then account settings into a fresh store. */
export function applySeed(store: HubStore, seed: HubSpotSeed, nowIso: string): void {
  for (const type of OBJECT_TYPES) {
    for (const p of seed.properties?.[type] ?? []) store.putProperty(type, buildCustomProperty(p, nowIso));
  }
  for (const type of OBJECT_TYPES) seedRecords(store, type, seed.records?.[type] ?? []);
  for (const a of seed.associations ?? []) {
    const def = a.typeId !== undefined ? associationType(a.typeId) : defaultAssociationType(a.from.type, a.to.type);
    if (!def || def.from !== a.from.type || def.to !== a.to.type) {
      throw new Error(`invalid HubSpot seed: no association type ${a.typeId ?? '(default)'} from ${a.from.type} to ${a.to.type}`);
    }
    if (!store.byId(a.from.type, a.from.id) || !store.byId(a.to.type, a.to.id)) {
      throw new Error(`invalid HubSpot seed: association ${a.from.type}/${a.from.id} -> ${a.to.type}/${a.to.id} names a missing record`);
    }
    store.associations.add(a.from.type, a.from.id, a.to.type, a.to.id, def.typeId);
  }
  for (const name of seed.marketingEvents?.customPropertyNames ?? []) store.marketingEvents.customPropertyNames.add(name);
  if (seed.communicationPreferences) seedPreferences(store, seed.communicationPreferences, nowIso);
}
