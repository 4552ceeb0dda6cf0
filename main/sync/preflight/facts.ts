import type { Provider, ScopeGrants } from '../../providers/provider';
import { isProviderId, providerDefinition } from '../../providers/registry';
import { callWithRetry, type CallContext } from '../engine/calls';
import type { PermissionFacts } from './check-mapping';

/** The name people know the CRM by. */
export const crmName = (provider: Provider): string => (isProviderId(provider.id) ? providerDefinition(provider.id).displayName : provider.id);

/**
 * The scopes the connection's token carries, under the engine's limiter when a call context is
 * given. A check that cannot be made never blocks: the push then reports what the CRM says.
 */
export async function grantsOf(provider: Provider, call?: CallContext, onUnknown?: (reason: string) => void): Promise<ScopeGrants | undefined> {
  if (!provider.grantedScopes) return undefined;
  const ask = () => provider.grantedScopes!();
  try {
    return await (call ? callWithRetry(call, ask) : ask());
  } catch (err) {
    onUnknown?.(err instanceof Error ? err.message : String(err));
    return undefined;
  }
}

export async function permissionFacts(provider: Provider, call?: CallContext, onUnknown?: (reason: string) => void): Promise<PermissionFacts> {
  return { crm: crmName(provider), grants: await grantsOf(provider, call, onUnknown) };
}
