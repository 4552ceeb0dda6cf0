import type { AppServices } from '../../services/app-services';
import type { DomainHandlers } from '../dispatcher';

// The import feature's owner fills this in along with shared/ipc/channels/import.ts.
export const importHandlers = (_s: AppServices): DomainHandlers<'import'> => ({});
