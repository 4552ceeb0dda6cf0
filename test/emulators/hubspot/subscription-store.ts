/** A subscription type of the account (communication preferences v3 definitions). */
export interface SubscriptionDefinition {
  id: string;
  name: string;
  description: string;
  purpose: string;
  communicationMethod: string;
  isActive: boolean;
  isDefault: boolean;
  isInternal: boolean;
  createdAt: string;
  updatedAt: string;
}

export const LEGAL_BASES = [
  'LEGITIMATE_INTEREST_PQL',
  'LEGITIMATE_INTEREST_CLIENT',
  'PERFORMANCE_OF_CONTRACT',
  'CONSENT_WITH_NOTICE',
  'NON_GDPR',
  'PROCESS_AND_STORE',
  'LEGITIMATE_INTEREST_OTHER',
] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

/** An explicit choice for one email and one subscription; no entry means nothing was ever said. */
export interface StoredSubscriptionStatus {
  email: string;
  subscriptionId: string;
  state: 'SUBSCRIBED' | 'UNSUBSCRIBED';
  legalBasis?: LegalBasis;
  legalBasisExplanation?: string;
  /** Which API set it (`v3`, `v4`, `seed`). */
  source: string;
  timestamp: number;
}

const DEFINED_AT = '2019-08-06T02:41:09.148Z';
const definition = (id: string, name: string, description: string, purpose: string, isInternal = false): SubscriptionDefinition => ({
  id,
  name,
  description,
  purpose,
  communicationMethod: 'Email',
  isActive: true,
  isDefault: true,
  isInternal,
  createdAt: DEFINED_AT,
  updatedAt: DEFINED_AT,
});

/** The subscription types a new HubSpot account starts with. */
export function defaultDefinitions(): SubscriptionDefinition[] {
  return [
    definition('4587221', 'Marketing Information', 'Marketing offers and updates.', 'Marketing'),
    definition('4587222', 'One to One', 'One to one emails.', 'Sales', true),
    definition('4587223', 'Customer Service Communication', 'Feedback requests and service updates.', 'Customer Service'),
  ];
}

const key = (email: string, subscriptionId: string) => `${email}|${subscriptionId}`;

/** Email subscription statuses per subscription type, and the portal-wide "unsubscribe from all". */
export class SubscriptionStore {
  /** GDPR-enabled accounts need a legal basis and its explanation on every status change. */
  gdprEnabled = false;
  definitions: SubscriptionDefinition[] = defaultDefinitions();
  private statuses = new Map<string, StoredSubscriptionStatus>();
  private optedOut = new Map<string, number>();

  /** Forgets every status; definitions and the GDPR flag are account settings and stay. */
  clear(): void {
    this.statuses.clear();
    this.optedOut.clear();
  }

  definition(id: string): SubscriptionDefinition | undefined {
    return this.definitions.find((d) => d.id === id);
  }

  status(email: string, subscriptionId: string): StoredSubscriptionStatus | undefined {
    return this.statuses.get(key(email.toLowerCase(), subscriptionId));
  }

  set(status: StoredSubscriptionStatus): void {
    const email = status.email.toLowerCase();
    this.statuses.set(key(email, status.subscriptionId), { ...status, email });
  }

  /** v4 NOT_SPECIFIED: no explicit status any more. */
  forget(email: string, subscriptionId: string): void {
    this.statuses.delete(key(email.toLowerCase(), subscriptionId));
  }

  optedOutOfAll(email: string): number | undefined {
    return this.optedOut.get(email.toLowerCase());
  }

  setOptedOutOfAll(email: string, at: number | undefined): void {
    if (at === undefined) this.optedOut.delete(email.toLowerCase());
    else this.optedOut.set(email.toLowerCase(), at);
  }

  allStatuses(): StoredSubscriptionStatus[] {
    return [...this.statuses.values()];
  }

  allOptedOut(): Array<{ email: string; at: number }> {
    return [...this.optedOut].map(([email, at]) => ({ email, at }));
  }
}
