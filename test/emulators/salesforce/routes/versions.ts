import { json, type Router } from '../../common/http';
import { apiRoute } from '../api';
import { identityUrl } from './identity';
import type { SfState } from '../state';

/** `GET /services/data` (no session needed, no limit header) and `GET /services/data/vXX.X` resources. */

// Release names by API version: three releases a year (Winter, Spring, Summer), v20.0 = Winter '11.
function releaseLabel(v: number): string {
  const index = v - 20;
  const season = ['Winter', 'Spring', 'Summer'][index % 3];
  const year = 11 + Math.floor(index / 3);
  return `${season} '${String(year).padStart(2, '0')}`;
}

export function versionRoutes(router: Router, state: SfState): void {
  router
    .on('GET', '/services/data', () => {
      const list = [];
      for (let v = state.config.oldestVersion; v <= state.config.latestVersion; v++) {
        list.push({ label: releaseLabel(v), url: `/services/data/v${v}.0`, version: `${v}.0` });
      }
      return json(200, list);
    })
    .on('GET', '/services/data/:version', apiRoute(state, (req, call) => {
      const p = `/services/data/v${call.version}`;
      return json(200, {
        tooling: `${p}/tooling`,
        metadata: `${p}/metadata`,
        eclair: `${p}/eclair`,
        folders: `${p}/folders`,
        'prechatForms': `${p}/prechatForms`,
        jobs: `${p}/jobs`,
        composite: `${p}/composite`,
        query: `${p}/query`,
        queryAll: `${p}/queryAll`,
        search: `${p}/search`,
        sobjects: `${p}/sobjects`,
        limits: `${p}/limits`,
        recent: `${p}/recent`,
        identity: identityUrl(`http://${req.headers.host}`, state),
      });
    }));
}
