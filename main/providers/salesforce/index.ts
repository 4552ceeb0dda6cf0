import type { ProviderDefinition } from '../definition';
import { SALESFORCE_PRODUCTION, SALESFORCE_SANDBOX, resolveSalesforceConfig, revokeSalesforce, salesforceOAuth, salesforceStaticCredentials } from './auth';
import { SalesforceProvider, salesforceCapabilities } from './client';
import { salesforceDefaults } from './default-mappings';

const loginField = {
  key: 'loginUrl' as const,
  label: 'Login domain',
  help: 'Production, sandbox, or your My Domain URL (https://yourcompany.my.salesforce.com).',
  required: true,
  secret: false,
  choices: [
    { value: SALESFORCE_PRODUCTION, label: 'Production (login.salesforce.com)' },
    { value: SALESFORCE_SANDBOX, label: 'Sandbox (test.salesforce.com)' },
  ],
  allowCustom: true,
  placeholder: 'https://yourcompany.my.salesforce.com',
  settingKey: 'salesforce.loginUrl',
};

export const salesforceDefinition: ProviderDefinition = {
  id: 'salesforce',
  displayName: 'Salesforce',
  blurb: 'Contacts, Accounts, Opportunities and Leads through the REST API.',
  capabilities: salesforceCapabilities,
  authMethods: [
    {
      kind: 'oauth',
      label: 'Sign in with Salesforce',
      help: "Opens Salesforce in your browser; approve access and come back. Uses your connected app's consumer key.",
      fields: [
        loginField,
        { key: 'clientId', label: 'Consumer key', help: 'From your connected app (Setup → App Manager).', required: true, secret: false, settingKey: 'salesforce.clientId' },
        { key: 'clientSecret', label: 'Consumer secret (optional)', help: 'Only if your connected app requires a secret for the web server flow.', required: false, secret: true },
      ],
    },
    {
      kind: 'token',
      label: 'Session id',
      help: 'Paste a session id for the instance at the login URL (My Domain). It cannot be refreshed: reconnect when it expires.',
      fields: [loginField, { key: 'token', label: 'Session id', required: true, secret: true }],
    },
  ],
  resolveConfig: resolveSalesforceConfig,
  oauth: salesforceOAuth,
  staticCredentials: salesforceStaticCredentials,
  revoke: revokeSalesforce,
  createClient: (ctx) => new SalesforceProvider(ctx),
  defaultMappings: salesforceDefaults,
};
