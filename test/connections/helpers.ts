import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import net from 'node:net';
import { createAppServices, type AppServices } from '../../main/services/app-services';
import { createLogger } from '../../main/log/logger';
import { KeytarSecretStore, type SecretStore } from '../../main/auth/secret-store';
export { useAnyCallbackPort } from './any-callback-port';
import { startEmulator, type Emulator, type EmulatorKind, type EmulatorOptions } from '../emulators/index';

export interface TestApp {
  services: AppServices;
  dataDir: string;
  secrets: SecretStore;
  cleanup(): Promise<void>;
}

/** App services on a temp data dir, logging to a file there, with the real keychain unless told otherwise. */
export function makeApp(opts: { secrets?: SecretStore; service?: string } = {}): TestApp {
  const dataDir = mkdtempSync(join(tmpdir(), 'tcs-conn-'));
  const secrets = opts.secrets ?? new KeytarSecretStore(opts.service);
  const logger = createLogger({ dir: dataDir, console: false });
  const services = createAppServices({ dataDir, shell: 'test', secretStore: secrets, logger });
  return {
    services,
    dataDir,
    secrets,
    async cleanup() {
      await services.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Plays the browser: follows the authorize URL (the emulator auto-approves) back to the loopback callback. */
export function browser(log: string[] = []): (url: string) => boolean {
  return (url) => {
    log.push(url);
    void fetch(url).then((r) => r.text()).catch(() => undefined);
    return true;
  };
}

export async function start(kind: EmulatorKind, opts: EmulatorOptions = {}): Promise<Emulator> {
  return startEmulator(kind, { autoApprove: true, ...opts });
}

export async function stats(emu: Emulator): Promise<{ requests: number; byPath: Record<string, number>; byStatus: Record<string, number> }> {
  return (await (await fetch(`${emu.url}/__admin/stats`)).json()) as { requests: number; byPath: Record<string, number>; byStatus: Record<string, number> };
}

export async function setFaults(emu: Emulator, faults: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${emu.url}/__admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(faults) });
  if (!res.ok) throw new Error(`faults: ${res.status}`);
}

/** A TCP connect to 127.0.0.1:port: true when something accepts it. */
export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export const portOf = (url: string): number => Number(new URL(new URL(url).searchParams.get('redirect_uri')!).port);
