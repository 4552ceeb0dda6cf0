import { describe, it, expect } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';

// Packaging downloads Electron and cannot run here, so the config is checked the way
// electron-builder itself checks it before a build: against its own JSON schema.
const require = createRequire(import.meta.url);
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
};
const logger = { isEnabled: false, add() {} };
// electron-builder reads its YAML with js-yaml; use the same parser it ships with.
const yaml = require('js-yaml') as { load(text: string): unknown };

interface BuilderConfig {
  appId: string;
  files: string[];
  asarUnpack: string[];
  linux: { target: string[] };
  win: { target: string[] };
  mac: { target: string[]; hardenedRuntime: boolean; entitlements: string };
}
const config = yaml.load(readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('passes electron-builder\'s own schema validation', async () => {
    await expect(validateConfiguration(structuredClone(config), logger)).resolves.toBeUndefined();
  });

  it('the validation is real: a wrong key is refused', async () => {
    await expect(validateConfiguration({ ...structuredClone(config), linux: { ...config.linux, targett: "deb" } }, logger)).rejects.toThrow(/configuration\.linux/);
  });

  it('targets Linux AppImage and deb, Windows nsis, macOS dmg with a hardened runtime', () => {
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.win.target).toContain('nsis');
    expect(config.mac.target).toContain('dmg');
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(existsSync(config.mac.entitlements)).toBe(true);
  });

  it('unpacks the native modules from the asar archive and ships the bundles', () => {
    expect(config.asarUnpack.join(' ')).toMatch(/better-sqlite3/);
    expect(config.asarUnpack.join(' ')).toMatch(/keytar/);
    expect(config.files).toContain('dist/**');
    expect(config.appId).toBe('com.ticketcrmsync.app');
  });
});
