import type { AppServices } from '../../services/app-services';
import type { DomainHandlers } from '../dispatcher';

// The sync feature's owner fills this in along with shared/ipc/channels/sync.ts.
export const syncHandlers = (_s: AppServices): DomainHandlers<'sync'> => ({});
