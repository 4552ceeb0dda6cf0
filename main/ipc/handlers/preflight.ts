import type { AppServices } from '../../services/app-services';
import { UserFacingError, type DomainHandlers } from '../dispatcher';
import { isProviderError } from '../../providers/errors';
import { preflightReport } from '../../sync/preflight';

export const preflightHandlers = (s: AppServices): DomainHandlers<'preflight'> => ({
  'preflight:check': async ({ connectionId, refresh }) => {
    try {
      return await preflightReport({ db: s.db, connections: s.connections }, connectionId, { refresh });
    } catch (err) {
      // A connection that needs reconnecting, an unknown id: the message says what to do.
      if (isProviderError(err)) throw new UserFacingError(err.message, err.code);
      throw err;
    }
  },
});
