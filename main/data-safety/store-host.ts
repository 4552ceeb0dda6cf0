import type { Db } from '../store/db';
import type { Logger } from '../log/logger';
import type { SecretStore } from '../auth/secret-store';
import { foreignLiveLocks, heldMessage } from '../schedule/runner-lock';
import { getConnection } from '../store/connections';

/** What data-safety needs from the app's services (AppServices satisfies it). */
export interface StoreHost {
  readonly dataDir: string;
  readonly storeFile: string;
  readonly db: Db;
  readonly logger: Logger;
  readonly secrets: SecretStore;
  readonly schedules: { readonly scheduler: { readonly owner: string } };
  reopenStore(swap: (storeFile: string) => Promise<void> | void): Promise<void>;
}

/** Another process is working on the store: replacing it now would pull it from under that process. */
export class StoreBusyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreBusyError';
  }
}

/** Refuses while another live runner (the app, a headless run-schedules) holds a connection. */
export function assertNoOtherRunner(host: StoreHost, what: string, isOwnerAlive?: (owner: string) => boolean): void {
  const others = foreignLiveLocks(host.db, host.schedules.scheduler.owner, Date.now(), isOwnerAlive);
  if (others.length === 0) return;
  const l = others[0];
  const label = getConnection(host.db, l.connectionId)?.label || l.connectionId;
  throw new StoreBusyError(`Cannot ${what} now: ${heldMessage(l, label)}. Stop it first (quit the app or the headless runner), then try again.`);
}
