import { startEmulator, type Emulator, type EmulatorKind, type EmulatorOptions } from '../emulators/index';
import { providerDefinition } from '../../main/providers/registry';
import type { Provider } from '../../main/providers/provider';

export interface Harness {
  emu: Emulator;
  provider: Provider;
  close(): Promise<void>;
}

/** An emulator plus the app's own provider client for it, signed in with a static token. */
export async function startProvider(kind: EmulatorKind, opts: EmulatorOptions & Record<string, unknown> = {}): Promise<Harness> {
  const token = `test-token-${kind}`;
  const emu = await startEmulator(kind, { token, ...opts });
  const def = providerDefinition(kind);
  const config = { authBaseUrl: emu.url, apiBaseUrl: emu.url };
  const secrets = def.staticCredentials(config, { token });
  const creds = { accessToken: secrets.accessToken, instanceUrl: secrets.instanceUrl ?? emu.url };
  const provider = def.createClient({
    connectionId: `test-${kind}`,
    config,
    auth: { current: async () => creds, renew: async () => creds },
  });
  return {
    emu,
    provider,
    async close() {
      await provider.close();
      await emu.close();
    },
  };
}
