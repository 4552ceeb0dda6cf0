/**
 * Where tokens, refresh tokens, client secrets and API tokens live: the OS keychain, one
 * account per connection. Nothing else in the app may hold a secret at rest.
 */
export interface SecretStore {
  readonly kind: 'keychain' | 'memory';
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** True when an entry was removed. */
  delete(account: string): Promise<boolean>;
  /** Accounts that hold an entry (for diagnostics; never returns the secrets). */
  accounts(): Promise<string[]>;
}

export const SECRET_SERVICE = 'ticket-crm-sync';
/** Another keychain service name, so test runs and demos never touch the real entries. */
export const SECRET_SERVICE_ENV = 'TICKET_CRM_SYNC_KEYCHAIN_SERVICE';

/** The keychain is missing or locked: the message says what to do. */
export class SecretStoreUnavailableError extends Error {
  constructor(cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(
      `The system keychain is not available (${detail}). Ticket CRM Sync keeps tokens only in the keychain: ` +
        keychainHint(process.platform),
      { cause },
    );
    this.name = 'SecretStoreUnavailableError';
  }
}

function keychainHint(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'unlock your login keychain and try again.';
  if (platform === 'win32') return 'check that Windows Credential Manager is running and try again.';
  return (
    'on Linux install and unlock a Secret Service (gnome-keyring or KWallet) in a desktop session, ' +
    "or run under 'dbus-run-session' with gnome-keyring-daemon unlocked."
  );
}

type Keytar = typeof import('keytar');

/**
 * keytar behind the SecretStore interface. keytar is loaded on first use so the app starts
 * (and can say what is wrong) even where the native module or the Secret Service is missing.
 */
export class KeytarSecretStore implements SecretStore {
  readonly kind = 'keychain' as const;
  private keytar?: Promise<Keytar>;

  constructor(private readonly service: string = process.env[SECRET_SERVICE_ENV] || SECRET_SERVICE) {}

  private load(): Promise<Keytar> {
    this.keytar ??= import('keytar').then(
      (m) => ((m as { default?: Keytar }).default ?? m) as Keytar,
      (err: unknown) => {
        this.keytar = undefined;
        throw new SecretStoreUnavailableError(err);
      },
    );
    return this.keytar;
  }

  private async call<T>(fn: (k: Keytar) => Promise<T>): Promise<T> {
    const k = await this.load();
    try {
      return await fn(k);
    } catch (err) {
      throw new SecretStoreUnavailableError(err);
    }
  }

  get(account: string): Promise<string | null> {
    return this.call((k) => k.getPassword(this.service, account));
  }

  set(account: string, secret: string): Promise<void> {
    return this.call((k) => k.setPassword(this.service, account, secret));
  }

  delete(account: string): Promise<boolean> {
    return this.call((k) => k.deletePassword(this.service, account));
  }

  async accounts(): Promise<string[]> {
    const creds = await this.call((k) => k.findCredentials(this.service));
    return creds.map((c) => c.account);
  }
}

/** Secrets in process memory only: for tests and for demo mode's throwaway tokens, never for a real connection. */
export class MemorySecretStore implements SecretStore {
  readonly kind = 'memory' as const;
  private readonly entries = new Map<string, string>();

  async get(account: string): Promise<string | null> {
    return this.entries.get(account) ?? null;
  }

  async set(account: string, secret: string): Promise<void> {
    this.entries.set(account, secret);
  }

  async delete(account: string): Promise<boolean> {
    return this.entries.delete(account);
  }

  async accounts(): Promise<string[]> {
    return [...this.entries.keys()];
  }
}
