import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { KeytarSecretStore, MemorySecretStore, SECRET_SERVICE } from '../../main/auth/secret-store';

describe('SecretStore', () => {
  it('keeps one entry per account in the OS keychain under the ticket-crm-sync service', async () => {
    expect(SECRET_SERVICE).toBe('ticket-crm-sync');
    const store = new KeytarSecretStore('ticket-crm-sync-unit');
    await store.set('salesforce', 'secret-a');
    await store.set('salesforce-2', 'secret-b');
    expect(await store.get('salesforce')).toBe('secret-a');
    expect((await store.accounts()).sort()).toEqual(['salesforce', 'salesforce-2']);
    expect(await store.delete('salesforce')).toBe(true);
    expect(await store.get('salesforce')).toBeNull();
    expect(await store.delete('salesforce')).toBe(false);
    await store.delete('salesforce-2');
  });

  it('the in-memory store (unit tests only) behaves the same', async () => {
    const store = new MemorySecretStore();
    await store.set('a', 'x');
    expect(await store.get('a')).toBe('x');
    expect(await store.delete('a')).toBe(true);
    expect(await store.get('a')).toBeNull();
  });

  it('says clearly what is wrong when no Secret Service is reachable', () => {
    const script = `
      import { KeytarSecretStore } from './main/auth/secret-store';
      new KeytarSecretStore('ticket-crm-sync-unit').get('x').then(
        () => console.log('NO ERROR'),
        (e) => console.log(e.name + ': ' + e.message),
      );`;
    const env = { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus', DISPLAY: '' };
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: process.cwd(), env, encoding: 'utf8', timeout: 20_000 });
    expect(r.stdout).toContain('SecretStoreUnavailableError: The system keychain is not available');
    expect(r.stdout).toMatch(/gnome-keyring|dbus-run-session/);
  });
});
