import type { ObjectMeta } from '../../../providers/provider';
import type { ObjectMapping } from '../model';
import { providerDefinitions } from '../../../providers/registry';
import { materializeDefault, type DefaultObjectMapping, type ProviderDefaults } from './types';

export { materializeDefault, type DefaultObjectMapping, type ProviderDefaults, type DefaultField } from './types';

/**
 * Every provider's defaults by provider id, as each provider's definition declares them
 * (main/providers/<id>/default-mappings.ts): the engine never names a provider.
 */
export const defaultMappings: Record<string, ProviderDefaults> = Object.fromEntries(providerDefinitions.map((d) => [d.id, d.defaultMappings]));

/** The objects a provider has defaults for, in push order (parents before the records that point to them). */
export function defaultObjects(providerId: string): DefaultObjectMapping[] {
  const defs = Object.values(defaultMappings[providerId] ?? {});
  const rank = (d: DefaultObjectMapping) => (d.localKind === 'company' ? 0 : d.localKind === 'person' ? 1 : 2);
  return defs.sort((a, b) => rank(a) - rank(b));
}

/** The default mapping of one object fitted to the org's metadata; undefined when there is none. */
export function defaultMappingFor(providerId: string, meta: ObjectMeta): ObjectMapping | undefined {
  const def = defaultMappings[providerId]?.[meta.name];
  return def ? materializeDefault(def, meta) : undefined;
}
