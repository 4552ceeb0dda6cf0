import type { Db } from './db';
import { nowIso } from './db';
import type { SettingKey, SettingValue } from '../../shared/ipc/channels/settings';

/** Defaults every reader sees until the user changes a setting. */
export const settingDefaults: Record<SettingKey, SettingValue> = {
  'ui.theme': 'system',
  'log.debug': false,
  'sync.maxAttempts': 3,
  'sync.bulkThreshold': 10000,
  'sync.conflictPolicy': 'crm-wins',
  'retention.days': 90,
  'salesforce.clientId': null,
  'salesforce.loginUrl': 'https://login.salesforce.com',
  'hubspot.clientId': null,
  'hubspot.baseUrl': 'https://api.hubapi.com',
  'pipedrive.baseUrl': null,
  'pipedrive.clientId': null,
  /** null: each provider's own callback port (shared/oauth-redirect.ts); 0: any free port; N: port N. */
  'oauth.callbackPort': null,
};

interface SettingRow {
  key: string;
  value: string;
}

export function readAllSettings(db: Db): Record<string, SettingValue> {
  const rows = db.prepare('SELECT key, value FROM settings').all() as SettingRow[];
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as SettingValue]));
  return { ...settingDefaults, ...stored };
}

export function readSetting<K extends SettingKey>(db: Db, key: K): SettingValue {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as SettingValue) : settingDefaults[key];
}

export function writeSetting(db: Db, key: SettingKey, value: SettingValue): void {
  db.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(key, JSON.stringify(value), nowIso());
}
