import { writeSetting } from '../../main/store/settings';
import type { Db } from '../../main/store/db';

/**
 * Test files run in parallel and would all want a provider's fixed callback port (47411): this
 * sets the user's override `oauth.callbackPort` to 0 (any free port), as a user could.
 */
export function useAnyCallbackPort(db: Db): void {
  writeSetting(db, 'oauth.callbackPort', 0);
}
