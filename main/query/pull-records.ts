import type { Cell } from '../../shared/ipc/channels/query';

/**
 * Where "Pull these records" hands rows: the sync engine's pull pipeline, which reads each
 * record again through the connection's mapping for that object and stores it locally.
 */
export interface PullTarget {
  pullRecords(req: { connectionId: string; object: string; ids: string[] }): Promise<{ accepted: boolean; queued: number; message: string }>;
}

/** For a QueryService built without the sync engine (app-services passes the engine itself). */
export const pullNotAvailable: PullTarget = {
  async pullRecords() {
    return { accepted: false, queued: 0, message: 'Pulling records needs the sync engine, which this process has not started.' };
  },
};

/** The CRM ids of the chosen rows: the column named Id / id / hs_object_id. */
export function idsOf(columns: string[], rows: Cell[][]): { ids: string[]; column: string | null } {
  const column = columns.find((c) => /^(id|hs_object_id)$/i.test(c)) ?? null;
  if (!column) return { ids: [], column: null };
  const i = columns.indexOf(column);
  const ids = rows.map((r) => r[i]).filter((v): v is string | number => typeof v === 'string' || typeof v === 'number').map(String);
  return { ids: [...new Set(ids)], column };
}
