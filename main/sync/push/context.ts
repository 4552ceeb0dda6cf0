import type { Db } from '../../store/db';
import type { Logger } from '../../log/logger';
import type { Provider } from '../../providers/provider';
import type { CallContext } from '../engine/calls';
import type { SyncTarget } from '../engine/targets';
import type { RunRecorder } from '../runs/recorder';
import type { BackoffPolicy } from '../queue/backoff';
import type { FindIndex } from './find-index';

/** What one push run shares between its steps. */
export interface PushContext {
  db: Db;
  logger?: Logger;
  connectionId: string;
  provider: Provider;
  targets: SyncTarget[];
  call: CallContext;
  recorder: RunRecorder;
  /** Lease owner of this run's claims. */
  owner: string;
  /** Only these CRM objects (a push limited with --object Contact). */
  onlyObjects?: string[];
  signal: AbortSignal;
  backoff?: BackoffPolicy;
  leaseMs?: number;
  /** How long a run waits for items due later (retries, rate-limit waits) before it ends. */
  patienceMs?: number;
  /** Per target object: every CRM record by findBy value, when reading them all was cheaper than searching. */
  findIndexes?: Map<string, FindIndex>;
}
