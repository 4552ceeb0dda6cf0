import type { AppServices } from '../../services/app-services';
import type { DomainHandlers } from '../dispatcher';

// The query feature's owner fills this in along with shared/ipc/channels/query.ts.
export const queryHandlers = (_s: AppServices): DomainHandlers<'query'> => ({});
