import type { IngestJob } from './jobs';

/** The job info JSON: the short form on create/close/list, the detailed one on GET. */
export function jobInfo(job: IngestJob, detailed: boolean) {
  const info: Record<string, unknown> = {
    id: job.id,
    operation: job.operation,
    object: job.object.name,
    createdById: '',
    createdDate: job.createdDate,
    systemModstamp: job.systemModstamp,
    state: job.state,
    ...(job.externalIdFieldName ? { externalIdFieldName: job.externalIdFieldName } : {}),
    concurrencyMode: 'Parallel',
    contentType: 'CSV',
    apiVersion: job.apiVersion,
    contentUrl: `services/data/v${job.apiVersion.toFixed(1)}/jobs/ingest/${job.id}/batches`,
    lineEnding: job.lineEnding,
    columnDelimiter: job.columnDelimiter,
  };
  if (!detailed) return info;
  const processed = job.results ? job.results.successful.length + job.results.failed.length : 0;
  return {
    ...info,
    jobType: 'V2Ingest',
    numberRecordsProcessed: processed,
    numberRecordsFailed: job.results?.failed.length ?? 0,
    retries: 0,
    totalProcessingTime: job.processingMs,
    apiActiveProcessingTime: job.processingMs,
    apexProcessingTime: 0,
    ...(job.state === 'Failed' && job.errorMessage ? { errorMessage: job.errorMessage } : {}),
  };
}
