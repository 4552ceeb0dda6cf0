import { serveEmulator, type EmulatorBackend, type RunningEmulator, type StartOptions } from './common/server';
import type { Faults } from './common/faults';

export type EmulatorKind = 'salesforce' | 'hubspot' | 'pipedrive' | 'gestaoclick' | 'bling';

/** Options every vendor backend understands. */
export interface BackendOptions {
  /** Parsed seed file content (vendor-specific shape), or undefined to start empty. */
  seed?: unknown;
  /** A valid static access token (Salesforce session id, HubSpot private-app token, Pipedrive api_token, Bling access token, GestãoClick access-token). */
  token?: string;
  /** GestãoClick's secret-access-token: with `token` it makes the one valid header pair. */
  secret?: string;
  /** The authorize endpoint redirects at once, as if the user had clicked Approve. */
  autoApprove?: boolean;
  /** Lifetime of issued access tokens in seconds (default: 2 hours). */
  tokenTtlSeconds?: number;
}

export interface EmulatorOptions extends BackendOptions, StartOptions {
  faults?: Partial<Faults>;
}

export interface Emulator extends RunningEmulator {
  kind: EmulatorKind;
  backend: EmulatorBackend;
}

type BackendFactory = (opts: BackendOptions) => EmulatorBackend;

async function loadFactory(kind: EmulatorKind): Promise<BackendFactory> {
  switch (kind) {
    case 'salesforce':
      return (await import('./salesforce/backend')).createSalesforceBackend;
    case 'hubspot':
      return (await import('./hubspot/backend')).createHubSpotBackend;
    case 'pipedrive':
      return (await import('./pipedrive/backend')).createPipedriveBackend;
    case 'gestaoclick':
      return (await import('./gestaoclick/backend')).createGestaoClickBackend;
    case 'bling':
      return (await import('./bling/backend')).createBlingBackend;
  }
}

/** Starts one emulator in-process (tests use this; the CLI wraps it). */
export async function startEmulator(kind: EmulatorKind, opts: EmulatorOptions = {}): Promise<Emulator> {
  const factory = await loadFactory(kind);
  const backend = factory(opts);
  const running = await serveEmulator(backend, opts);
  return { ...running, kind, backend };
}

export const emulatorKinds: EmulatorKind[] = ['salesforce', 'hubspot', 'pipedrive', 'gestaoclick', 'bling'];
