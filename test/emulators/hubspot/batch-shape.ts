import { json, type EmuReply } from '../common/http';
import { validationError } from './errors';

/** HubSpot's cap on inputs per batch request. */
export const MAX_BATCH_INPUTS = 100;

export function checkBatchSize(count: number): void {
  if (count > MAX_BATCH_INPUTS) {
    throw validationError(
      `The maximum number of inputs supported in a batch request is ${MAX_BATCH_INPUTS}. Please reduce the number of items and try again`,
      { context: { inputs: [String(count)] } },
    );
  }
}

/** A batch answer: the success status when every input worked, else 207 with `errors` and `numErrors`. */
export function batchReply(successStatus: number, results: unknown[], errors: unknown[], startedAt = new Date()): EmuReply {
  const base = { status: 'COMPLETE', results, startedAt: startedAt.toISOString(), completedAt: new Date().toISOString() };
  if (errors.length === 0) return json(successStatus, base);
  return json(207, { ...base, numErrors: errors.length, errors });
}
