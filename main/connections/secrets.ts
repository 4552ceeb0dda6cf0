import type { SecretStore } from '../auth/secret-store';
import type { SessionSecrets } from '../providers/definition';
import { AuthError } from '../providers/errors';
import { registerSecret } from '../log/redact';

/** Every secret value in a session, for the log redactor. */
export function registerSessionSecrets(s: Partial<SessionSecrets>): void {
  registerSecret(s.accessToken);
  registerSecret(s.refreshToken);
  registerSecret(s.clientSecret);
  registerSecret(s.secretToken);
}

/** One keychain entry per connection (account = connection id), holding the session as JSON. */
export class ConnectionSecrets {
  constructor(private readonly store: SecretStore) {}

  async load(connectionId: string): Promise<SessionSecrets> {
    const found = await this.tryLoad(connectionId);
    if (!found) throw new AuthError(`No saved sign-in for ${connectionId} in the system keychain. Reconnect it.`, { needsReconnect: true, code: 'NO_SECRETS' });
    return found;
  }

  async tryLoad(connectionId: string): Promise<SessionSecrets | undefined> {
    const raw = await this.store.get(connectionId);
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as SessionSecrets;
    registerSessionSecrets(parsed);
    return parsed;
  }

  async save(connectionId: string, secrets: SessionSecrets): Promise<void> {
    registerSessionSecrets(secrets);
    await this.store.set(connectionId, JSON.stringify(secrets));
  }

  delete(connectionId: string): Promise<boolean> {
    return this.store.delete(connectionId);
  }
}
