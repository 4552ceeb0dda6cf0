import { isProviderError, type ProviderError } from './errors';
import type { WriteResult } from './provider';

/**
 * For CRMs that reject a whole batch because of one bad record: on a batch-level validation or
 * duplicate error, split the batch and send the halves, down to single records, so only the bad
 * ones fail and every record still gets its own result.
 */
export async function writeIsolatingFailures<T>(inputs: T[], send: (batch: T[]) => Promise<WriteResult[]>): Promise<WriteResult[]> {
  try {
    return await send(inputs);
  } catch (err) {
    if (!isRecordLevel(err)) throw err;
    if (inputs.length === 1) return [{ ok: false, error: { kind: err.kind, code: err.code, message: err.message, fields: err.fields, existingIds: existingIdsOf(err) } }];
    const mid = Math.ceil(inputs.length / 2);
    const left = await writeIsolatingFailures(inputs.slice(0, mid), send);
    const right = await writeIsolatingFailures(inputs.slice(mid), send);
    return [...left, ...right];
  }
}

function isRecordLevel(err: unknown): err is ProviderError {
  return isProviderError(err) && (err.kind === 'validation' || err.kind === 'duplicate');
}

const existingIdsOf = (err: ProviderError): string[] | undefined => ('existingIds' in err ? (err as { existingIds: string[] }).existingIds : undefined);
