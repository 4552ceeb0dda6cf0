import { validationError } from './errors';
import { LEGAL_BASES, type LegalBasis, type SubscriptionDefinition, type SubscriptionStore } from './subscription-store';

export const PREFERENCE_SCOPES = {
  read: { scopes: () => ['communication_preferences.read', 'communication_preferences.read_write'], limit: 'general' as const },
  write: { scopes: () => ['communication_preferences.write', 'communication_preferences.read_write'], limit: 'general' as const },
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkEmail(raw: string): string {
  const email = raw.trim().toLowerCase();
  if (!EMAIL.test(email)) throw validationError(`Email address ${raw} is invalid`);
  return email;
}

export function requireDefinition(store: SubscriptionStore, id: string): SubscriptionDefinition {
  const def = store.definition(id);
  if (!def) throw validationError(`Subscription ${id} does not exist.`, { context: { subscriptionId: [id] } });
  return def;
}

export interface LegalFields {
  legalBasis?: LegalBasis;
  legalBasisExplanation?: string;
}

/** A legal basis must be one of HubSpot's values; GDPR-enabled accounts need it and its explanation. */
export function legalFields(store: SubscriptionStore, body: Record<string, unknown>): LegalFields {
  const basis = body.legalBasis;
  const explanation = typeof body.legalBasisExplanation === 'string' && body.legalBasisExplanation.trim() !== '' ? body.legalBasisExplanation : undefined;
  if (basis !== undefined && basis !== null && !(LEGAL_BASES as readonly unknown[]).includes(basis)) {
    throw validationError(`legalBasis ${String(basis)} is not one of ${LEGAL_BASES.join(', ')}`);
  }
  const legalBasis = (basis ?? undefined) as LegalBasis | undefined;
  if (store.gdprEnabled && (!legalBasis || !explanation)) {
    const missing = [legalBasis ? '' : 'legalBasis', explanation ? '' : 'legalBasisExplanation'].filter(Boolean);
    throw validationError(`GDPR is enabled for this account: ${missing.join(' and ')} must be set.`, { context: { missing } });
  }
  return { ...(legalBasis ? { legalBasis } : {}), ...(explanation ? { legalBasisExplanation: explanation } : {}) };
}
