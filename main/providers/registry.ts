import type { ProviderDefinition } from './definition';
import { ValidationError } from './errors';
import type { ProviderId } from './provider';
import { salesforceDefinition } from './salesforce';
import { hubSpotDefinition } from './hubspot';
import { pipedriveDefinition } from './pipedrive';
import { gestaoClickDefinition } from './gestaoclick';
import { blingDefinition } from './bling';

/**
 * Every provider the app can connect, in the order the UI lists them: adding a provider is its
 * folder plus its line here (and the import above). UI, CLI, queue, mappings, sync engine and
 * query runner read this; nobody branches on ids.
 */
export const providerDefinitions: readonly ProviderDefinition[] = [
  salesforceDefinition,
  hubSpotDefinition,
  pipedriveDefinition,
  gestaoClickDefinition,
  blingDefinition,
];

export const providerIds: ProviderId[] = providerDefinitions.map((d) => d.id);

export function isProviderId(value: string): value is ProviderId {
  return providerDefinitions.some((d) => d.id === value);
}

export function providerDefinition(id: string): ProviderDefinition {
  const def = providerDefinitions.find((d) => d.id === id);
  if (!def) throw new ValidationError(`Unknown provider "${id}". Known: ${providerIds.join(', ')}.`, { code: 'INVALID_REQUEST', fields: ['provider'] });
  return def;
}
