import { z } from 'zod';
import { channel } from '../define';

/** Settings are a flat key → JSON value map; keys are validated here so the renderer cannot write arbitrary rows. */
export const SettingKey = z.enum([
  'ui.theme',
  'log.debug',
  'sync.maxAttempts',
  'sync.bulkThreshold',
  'sync.conflictPolicy',
  'retention.days',
  'salesforce.clientId',
  'salesforce.loginUrl',
  'hubspot.clientId',
  'hubspot.baseUrl',
  'pipedrive.baseUrl',
  'pipedrive.clientId',
  'oauth.callbackPort',
]);
export type SettingKey = z.infer<typeof SettingKey>;

export const SettingValue = z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]);
export type SettingValue = z.infer<typeof SettingValue>;

export const settingsChannels = {
  'settings:get': channel(z.object({}).strict(), z.record(z.string(), SettingValue), 'All settings with defaults applied.'),
  'settings:set': channel(
    z.object({ key: SettingKey, value: SettingValue }).strict(),
    z.record(z.string(), SettingValue),
    'Change one setting; answers all settings.',
  ),
};
