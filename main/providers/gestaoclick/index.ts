import type { ProviderDefinition } from '../definition';
import { gestaoClickStaticCredentials, resolveGestaoClickConfig, revokeGestaoClick } from './auth';
import { GestaoClickProvider, gestaoClickCapabilities } from './client';
import { gestaoClickDefaults } from './default-mappings';

export const gestaoClickDefinition: ProviderDefinition = {
  id: 'gestaoclick',
  displayName: 'GestãoClick',
  blurb: 'Clientes (customers, PF/PJ with CPF/CNPJ) and vendas (sales) with their lines.',
  capabilities: gestaoClickCapabilities,
  authMethods: [
    {
      kind: 'token',
      label: 'API tokens',
      help: 'In GestãoClick (with the API add-on active): your account panel → API → the access token and the secret access token. Both are kept in the system keychain.',
      fields: [
        { key: 'token', label: 'Access token', placeholder: 'access-token', required: true, secret: true },
        { key: 'secret', label: 'Secret access token', placeholder: 'secret-access-token', required: true, secret: true },
        { key: 'loginUrl', label: 'API URL', help: 'Leave empty for https://api.gestaoclick.com/api.', placeholder: 'https://api.gestaoclick.com/api', required: false, secret: false },
      ],
    },
  ],
  resolveConfig: resolveGestaoClickConfig,
  staticCredentials: gestaoClickStaticCredentials,
  revoke: revokeGestaoClick,
  createClient: (ctx) => new GestaoClickProvider(ctx),
  defaultMappings: gestaoClickDefaults,
};
