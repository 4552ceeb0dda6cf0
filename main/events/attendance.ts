import type { AttendanceStatus } from '../../shared/ipc/channels/events';

/**
 * The import derives one status per ticket (main/import/rows/build-row.ts). A person holding
 * several tickets of an event gets the strongest of them: anyone who came attended, anyone with
 * a live ticket is registered, so one cancelled ticket of two does not cancel the person.
 */
export const HOLDER_RANK: Record<AttendanceStatus, number> = { Attended: 4, Registered: 3, 'No-show': 2, Cancelled: 1 };

const byRank = Object.fromEntries(Object.entries(HOLDER_RANK).map(([s, r]) => [r, s])) as Record<number, AttendanceStatus>;

/** SQL for a ticket's rank, for `max()` over a holder's tickets (unknown stored words count as registered). */
export const rankSql = (col: string): string =>
  `CASE ${col} WHEN 'Attended' THEN 4 WHEN 'No-show' THEN 2 WHEN 'Cancelled' THEN 1 ELSE 3 END`;

export const statusOfRank = (rank: number): AttendanceStatus => byRank[rank] ?? 'Registered';
