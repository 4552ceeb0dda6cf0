import type { ProviderDefinition } from '../definition';
import { blingOAuth, blingStaticCredentials, resolveBlingConfig, revokeBling } from './auth';
import { BlingProvider, blingCapabilities } from './client';
import { blingDefaults } from './default-mappings';

const apiField = {
  key: 'loginUrl' as const,
  label: 'API URL',
  help: 'Leave empty for https://api.bling.com.br/Api/v3.',
  placeholder: 'https://api.bling.com.br/Api/v3',
  required: false,
  secret: false,
};

export const blingDefinition: ProviderDefinition = {
  id: 'bling',
  displayName: 'Bling',
  blurb: 'Contatos (contacts) and pedidos de venda (sales orders) through API v3.',
  capabilities: blingCapabilities,
  authMethods: [
    {
      kind: 'oauth',
      label: 'Sign in with Bling',
      help: 'Opens Bling in your browser to authorize your app. Needs the client id and secret of your Bling app (Central de extensões → Área do integrador), with its redirect link set to http://127.0.0.1:47411/callback (or your own port: setting oauth.callbackPort).',
      fields: [
        { key: 'clientId', label: 'Client id', required: true, secret: false },
        { key: 'clientSecret', label: 'Client secret', required: true, secret: true },
        apiField,
      ],
    },
    {
      kind: 'token',
      label: 'Access token',
      help: 'Paste an access token of your Bling app. It cannot be refreshed: reconnect when it expires (Bling tokens last 6 hours).',
      fields: [{ key: 'token', label: 'Access token', required: true, secret: true }, apiField],
    },
  ],
  resolveConfig: resolveBlingConfig,
  oauth: blingOAuth,
  staticCredentials: blingStaticCredentials,
  revoke: revokeBling,
  createClient: (ctx) => new BlingProvider(ctx),
  defaultMappings: blingDefaults,
};
