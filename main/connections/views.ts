import type { ConnectionView, ProviderInfo } from '../../shared/ipc/channels/connections';
import type { ConnectionRecord } from '../store/connections';
import type { ProviderDefinition, ProviderSettings } from '../providers/definition';
import { providerDefinition } from '../providers/registry';

export function toView(c: ConnectionRecord): ConnectionView {
  return {
    id: c.id,
    provider: c.provider,
    providerName: providerDefinition(c.provider).displayName,
    label: c.label,
    status: c.status,
    authKind: c.authKind,
    user: c.account?.user ?? null,
    orgId: c.account?.orgId ?? null,
    orgName: c.account?.orgName ?? null,
    instanceUrl: c.account?.instanceUrl ?? null,
    details: c.account?.details ?? [],
    usage: c.usage,
    lastSyncAt: c.lastSyncAt,
    lastError: c.lastError,
    loginUrl: c.config.loginUrl ?? null,
    apiBaseUrl: c.config.apiBaseUrl,
    clientId: c.config.clientId ?? null,
    domain: c.config.domain ?? null,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

/** The registry as the renderer sees it, with non-secret fields pre-filled from settings. */
export function toProviderInfo(def: ProviderDefinition, settings: ProviderSettings): ProviderInfo {
  return {
    id: def.id,
    displayName: def.displayName,
    blurb: def.blurb,
    batchLimits: def.capabilities.batchLimits,
    queryLanguage: def.capabilities.queryLanguage,
    changeTracking: def.capabilities.changeTracking,
    authMethods: def.authMethods.map((m) => ({
      kind: m.kind,
      label: m.label,
      help: m.help,
      fields: m.fields.map(({ settingKey, ...f }) => {
        const value = settingKey && !f.secret ? settings.get(settingKey) : undefined;
        return { ...f, ...(typeof value === 'string' && value ? { default: value } : {}) };
      }),
    })),
  };
}
