import type { AppServices } from '../../services/app-services';
import type { DomainHandlers } from '../dispatcher';
import { UserFacingError } from '../dispatcher';
import { isProviderError } from '../../providers/errors';
import { SecretStoreUnavailableError } from '../../auth/secret-store';

/** Errors the person can act on keep their message; the dispatcher logs and redacts anything else. */
async function userFacing<T>(fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (isProviderError(err) || err instanceof SecretStoreUnavailableError) throw new UserFacingError(err.message, err instanceof SecretStoreUnavailableError ? 'KEYCHAIN_UNAVAILABLE' : err.code);
    throw err;
  }
}

export const connectionHandlers = (s: AppServices): DomainHandlers<'connections'> => ({
  'connections:providers': () => s.connections.providers(),
  'connections:list': () => s.connections.list(),
  'connections:connect': (req) =>
    userFacing(async () => {
      const { done: _done, ...started } = await s.connections.startConnect(req);
      return started;
    }),
  'connections:connectToken': (req) => userFacing(() => s.connections.connectWithToken(req)),
  'connections:cancel': ({ attemptId }) => ({ cancelled: s.connections.cancel(attemptId) }),
  'connections:test': ({ connectionId }) => userFacing(() => s.connections.test(connectionId)),
  'connections:disconnect': ({ connectionId }) => userFacing(() => s.connections.disconnect(connectionId)),
});
