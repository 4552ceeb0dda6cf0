import type { AppServices } from '../../services/app-services';
import type { DomainHandlers } from '../dispatcher';

// The connections feature's owner fills this in along with shared/ipc/channels/connections.ts.
export const connectionHandlers = (_s: AppServices): DomainHandlers<'connections'> => ({});
