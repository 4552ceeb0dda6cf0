import { json, type Router } from '../../common/http';
import { apiRoute } from '../api';
import { SfApiError } from '../errors';
import { runSoql } from '../soql/execute';
import type { SfState } from '../state';
import { batchSizeFrom } from './queryCursors';

/** `query` / `queryAll` with batches, and `nextRecordsUrl` follow-ups (queryAll's say `/query/` too). */
export function queryRoutes(router: Router, state: SfState): void {
  const run = (includeDeleted: boolean) =>
    apiRoute(state, (req, call) => {
      const q = req.query.get('q');
      if (q === null) throw new SfApiError(400, 'MALFORMED_QUERY', 'A query string has to be specified');
      const result = runSoql(state.org, q, { includeDeleted, version: call.version });
      const batch = batchSizeFrom(req.headers['sforce-query-options']);
      return json(200, state.cursors.open(result, batch, call.version));
    });
  const more = apiRoute(state, (req, call) => {
    const page = state.cursors.next(req.params.locator, call.version);
    if (!page) throw new SfApiError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
    return json(200, page);
  });
  router
    .on('GET', '/services/data/:version/query', run(false))
    .on('GET', '/services/data/:version/queryAll', run(true))
    .on('GET', '/services/data/:version/query/:locator', more)
    .on('GET', '/services/data/:version/queryAll/:locator', more);
}
