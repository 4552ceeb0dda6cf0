import type { RouteHandler, Router } from '../../common/http';
import { apiRoute } from '../api';
import { SfApiError, notFound } from '../errors';
import type { SfState } from '../state';

const METHODS = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'];

/** Registered last: unknown REST resources get Salesforce's 404, wrong methods its 405. */
export function fallbackRoutes(router: Router, state: SfState): void {
  const fallback: RouteHandler = apiRoute(state, (req) => {
    const allowed = METHODS.filter((m) => {
      const found = router.match(m, req.path);
      return typeof found === 'object' && found.handler !== fallback;
    });
    if (allowed.length) throw new SfApiError(405, 'METHOD_NOT_ALLOWED', `HTTP Method '${req.method}' not allowed. Allowed are ${allowed.join(',')}`);
    throw notFound();
  });
  for (const m of METHODS) router.on(m, '/services/data/:version/*', fallback);
}
