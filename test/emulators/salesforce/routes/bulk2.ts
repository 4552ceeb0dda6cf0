import { json, type Router } from '../../common/http';
import { apiRoute, jsonObjectBody } from '../api';
import { jobInfo } from '../bulk2/info';
import type { SfState } from '../state';

/** Bulk API 2.0 ingest endpoints under `/services/data/vXX.X/jobs/ingest`. */
export function bulk2Routes(router: Router, state: SfState): void {
  const { jobs } = state;
  const base = '/services/data/:version/jobs/ingest';
  const csv = (body: string) => ({ status: 200, headers: { 'content-type': 'text/csv' }, body });

  router
    .on('POST', base, apiRoute(state, (req, call) => {
      const job = jobs.create(jsonObjectBody(req), call.version);
      return json(200, jobInfo(job, false));
    }))
    .on('GET', base, apiRoute(state, () => json(200, { done: true, records: jobs.list().map((j) => jobInfo(j, false)), nextRecordsUrl: null })))
    .on('PUT', `${base}/:id/batches`, apiRoute(state, (req) => {
      jobs.upload(req.params.id, req.text);
      return { status: 201 };
    }))
    .on('PATCH', `${base}/:id`, apiRoute(state, (req) => json(200, jobInfo(jobs.setState(req.params.id, jsonObjectBody(req).state), false))))
    .on('GET', `${base}/:id`, apiRoute(state, (req) => json(200, jobInfo(jobs.poll(req.params.id), true))))
    .on('DELETE', `${base}/:id`, apiRoute(state, (req) => {
      jobs.delete(req.params.id);
      return { status: 204 };
    }))
    .on('GET', `${base}/:id/successfulResults`, apiRoute(state, (req) => csv(jobs.resultCsv(req.params.id, 'successful'))))
    .on('GET', `${base}/:id/failedResults`, apiRoute(state, (req) => csv(jobs.resultCsv(req.params.id, 'failed'))))
    .on('GET', `${base}/:id/unprocessedrecords`, apiRoute(state, (req) => csv(jobs.resultCsv(req.params.id, 'unprocessed'))));
}
