import { json, type Router } from '../../common/http';
import { apiRoute } from '../api';
import type { SfState } from '../state';

/** `GET /limits`: one entry per org limit, `{ Max, Remaining }`; DailyApiRequests is live. */
export function limitsRoutes(router: Router, state: SfState): void {
  router.on('GET', '/services/data/:version/limits', apiRoute(state, () => {
    const { max, used } = state.usage;
    const fixed = (m: number) => ({ Max: m, Remaining: m });
    return json(200, {
      ConcurrentAsyncGetReportInstances: fixed(200),
      ConcurrentSyncReportRuns: fixed(20),
      DailyApiRequests: { Max: max, Remaining: Math.max(0, max - used) },
      DailyAsyncApexExecutions: fixed(250000),
      DailyBulkApiBatches: fixed(15000),
      DailyBulkV2QueryFileStorageMB: fixed(976562),
      DailyBulkV2QueryJobs: fixed(10000),
      DailyDurableStreamingApiEvents: fixed(10000),
      DailyGenericStreamingApiEvents: fixed(10000),
      DailyStreamingApiEvents: fixed(10000),
      DataStorageMB: { Max: 1024, Remaining: 1024 - Math.ceil(countRecords(state) * 2 / 1024) },
      FileStorageMB: fixed(1024),
      HourlyODataCallout: fixed(10000),
      HourlyTimeBasedWorkflow: fixed(1000),
      MassEmail: fixed(5000),
      SingleEmail: fixed(5000),
      StreamingApiConcurrentClients: fixed(1000),
    });
  }));
}

// Salesforce counts about 2 KB of data storage per record.
function countRecords(state: SfState): number {
  return state.org.schema.all().reduce((n, obj) => n + state.org.store.count(obj.name), 0);
}
