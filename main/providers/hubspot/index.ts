import type { ProviderDefinition } from '../definition';
import { hubSpotOAuth, hubSpotStaticCredentials, resolveHubSpotConfig, revokeHubSpot } from './auth';
import { HubSpotProvider, hubSpotCapabilities } from './client';
import { hubspotDefaults } from './default-mappings';

const apiField = {
  key: 'loginUrl' as const,
  label: 'API URL',
  help: 'Leave as is unless your account is in another data centre.',
  required: false,
  secret: false,
  settingKey: 'hubspot.baseUrl',
};

export const hubSpotDefinition: ProviderDefinition = {
  id: 'hubspot',
  displayName: 'HubSpot',
  blurb: 'Contacts, companies and deals through CRM v3, associations through v4.',
  capabilities: hubSpotCapabilities,
  authMethods: [
    {
      kind: 'oauth',
      label: 'Sign in with HubSpot',
      help: 'Opens HubSpot in your browser to install your app in the portal. Needs the client id and secret from your HubSpot app.',
      fields: [
        { key: 'clientId', label: 'Client id', required: true, secret: false, settingKey: 'hubspot.clientId' },
        { key: 'clientSecret', label: 'Client secret', required: true, secret: true },
        apiField,
      ],
    },
    {
      kind: 'token',
      label: 'Private app token',
      help: 'In HubSpot: Settings → Integrations → Private apps → your app → Access token (pat-…). Give it the CRM contacts, companies and deals scopes.',
      fields: [{ key: 'token', label: 'Access token', placeholder: 'pat-na1-…', required: true, secret: true }, apiField],
    },
  ],
  resolveConfig: resolveHubSpotConfig,
  oauth: hubSpotOAuth,
  staticCredentials: hubSpotStaticCredentials,
  revoke: revokeHubSpot,
  createClient: (ctx) => new HubSpotProvider(ctx),
  defaultMappings: hubspotDefaults,
};
