import type { ProviderDefinition } from '../definition';
import { pipedriveOAuth, pipedriveStaticCredentials, resolvePipedriveConfig, revokePipedrive } from './auth';
import { PipedriveProvider, pipedriveCapabilities } from './client';
import { pipedriveDefaults } from './default-mappings';

const domainField = {
  key: 'domain' as const,
  label: 'Company domain',
  placeholder: 'acme (from acme.pipedrive.com)',
  help: 'The first part of your Pipedrive address.',
  required: true,
  secret: false,
};

export const pipedriveDefinition: ProviderDefinition = {
  id: 'pipedrive',
  displayName: 'Pipedrive',
  blurb: 'Persons, organizations and deals through API v1.',
  capabilities: pipedriveCapabilities,
  authMethods: [
    {
      kind: 'token',
      label: 'API token',
      help: 'In Pipedrive: Settings → Personal preferences → API → Your personal API token.',
      fields: [domainField, { key: 'token', label: 'API token', required: true, secret: true }],
    },
    {
      kind: 'oauth',
      label: 'Sign in with Pipedrive',
      help: 'Opens Pipedrive in your browser to install your app. Needs the client id and secret from your Pipedrive app.',
      fields: [domainField, { key: 'clientId', label: 'Client id', required: true, secret: false, settingKey: 'pipedrive.clientId' }, { key: 'clientSecret', label: 'Client secret', required: true, secret: true }],
    },
  ],
  resolveConfig: resolvePipedriveConfig,
  oauth: pipedriveOAuth,
  staticCredentials: pipedriveStaticCredentials,
  revoke: revokePipedrive,
  createClient: (ctx) => new PipedriveProvider(ctx),
  defaultMappings: pipedriveDefaults,
};
