import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolveDataDir, defaultDataDir, DATA_DIR_ENV } from '../../main/services/data-dir';
import { APP_VERSION } from '../../main/services/app-meta';

describe('data dir', () => {
  it('prefers --data-dir, then the environment, then the platform default', () => {
    expect(resolveDataDir('/flag', { [DATA_DIR_ENV]: '/env' })).toBe('/flag');
    expect(resolveDataDir(undefined, { [DATA_DIR_ENV]: '/env' })).toBe('/env');
    expect(resolveDataDir(undefined, { XDG_CONFIG_HOME: '/xdg' })).toBe(defaultDataDir(process.platform, { XDG_CONFIG_HOME: '/xdg' }));
  });

  it('uses each platform\'s conventional folder', () => {
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' })).toContain('Ticket CRM Sync');
    expect(defaultDataDir('darwin', {})).toContain('Library/Application Support/Ticket CRM Sync');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/home/a/.config' })).toBe('/home/a/.config/Ticket CRM Sync');
  });
});

describe('app meta', () => {
  it('matches package.json', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(APP_VERSION).toBe(pkg.version);
  });
});
