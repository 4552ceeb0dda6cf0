import type { AppServices } from '../../services/app-services';
import { UserFacingError, type DomainHandlers } from '../dispatcher';
import { isProviderError } from '../../providers/errors';
import { SyncBusyError, SyncUsageError } from '../../sync/engine/service';

/** Usage mistakes, busy connections and CRM refusals keep their message for the page. */
async function userFacing<T>(fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof SyncBusyError) throw new UserFacingError(err.message, 'SYNC_BUSY');
    if (err instanceof SyncUsageError) throw new UserFacingError(err.message, 'SYNC');
    if (isProviderError(err)) throw new UserFacingError(err.message, err.code);
    throw err;
  }
}

export const syncHandlers = (s: AppServices): DomainHandlers<'sync'> => ({
  'sync:targets': ({ connectionId }) => s.sync.targets(connectionId),
  'sync:push': (req) => userFacing(async () => (await s.sync.startPush({ ...req, trigger: 'manual' })).run),
  'sync:pull': (req) => userFacing(async () => (await s.sync.startPull({ ...req, trigger: 'manual' })).run),
  'sync:dryRun': (req) => userFacing(() => s.sync.dryRun(req)),
  'sync:cancelRun': ({ runId }) => ({ cancelled: s.sync.cancelRun(runId) }),
  'sync:queue': (req) => s.sync.queueOverview(req),
  'sync:items': (req) => ({ items: s.sync.items(req) }),
  'sync:retry': (req) => ({ retried: s.sync.retry(req) }),
  'sync:cancel': (req) => ({ cancelled: s.sync.cancel(req) }),
  'sync:runs': (req) => s.sync.runs(req),
  'sync:run': ({ runId }) => userFacing(() => s.sync.getRun(runId)),
  'sync:runRecords': ({ runId, ...opts }) => s.sync.runRecords(runId, opts),
  'sync:runResults': ({ runId }) => userFacing(() => s.sync.runResults(runId)),
  'sync:conflicts': (req) => s.sync.conflicts(req),
});
