import { json, type EmuReply } from '../common/http';

/** GestãoClick's success envelope; lists add `meta` between `status` and `data`. */
export const ok = (data: unknown): EmuReply => json(200, { code: 200, status: 'success', data });

export const okList = (meta: Record<string, unknown>, data: unknown[]): EmuReply => json(200, { code: 200, status: 'success', meta, data });
