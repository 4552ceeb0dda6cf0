import type { ReactElement } from 'react';
import type { AttendanceStatus, Attendee, EventSummary } from '../../../../shared/ipc/channels/events';
import { Badge, type BadgeTone, type Column } from '../../components';
import { formatDate, formatMoney, fullName } from '../../lib/format';

/** A bare YYYY-MM-DD is a calendar day, not UTC midnight (which would show the day before west of UTC). */
export const eventDay = (date: string | null): string => {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  return m ? formatDate(new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).toISOString()) : formatDate(date);
};

export const statusTone: Record<AttendanceStatus, BadgeTone> = { Attended: 'success', Registered: 'info', 'No-show': 'warning', Cancelled: 'danger' };

export function StatusBadge({ status }: { status: AttendanceStatus }): ReactElement {
  return (
    <Badge tone={statusTone[status]} dot>
      {status}
    </Badge>
  );
}

/** Per connection: linked once the event is pushed; the CRM side of events comes with the sync work. */
export function SyncBadges({ event }: { event: EventSummary }): ReactElement {
  if (event.syncs.length === 0) return <span className="events-muted">No CRM connected</span>;
  return (
    <span className="events-syncs">
      {event.syncs.map((s) => (
        <Badge key={s.connectionId} tone={s.externalId ? 'success' : 'neutral'} title={s.externalId ? `${s.label}: ${s.externalId}` : `${s.label}: not synced yet`}>
          {s.label}: {s.externalId ? 'synced' : 'not synced yet'}
        </Badge>
      ))}
    </span>
  );
}

const count = (n: number): string => n.toLocaleString();

export function eventColumns(onOpen: (e: EventSummary) => void, selectedId: number | null): Column<EventSummary>[] {
  return [
    {
      key: 'name',
      header: 'Event',
      render: (e) => (
        <button type="button" className="events-name" aria-pressed={e.id === selectedId} onClick={() => onOpen(e)}>
          <span className="events-name-title">{e.name}</span>
          <span className="events-name-meta">{[e.date ? eventDay(e.date) : 'No date', e.venue].filter(Boolean).join(' · ')}</span>
        </button>
      ),
    },
    { key: 'people', header: 'Buyers', align: 'end', width: '84px', render: (e) => count(e.people) },
    { key: 'tickets', header: 'Tickets', align: 'end', width: '84px', render: (e) => count(e.tickets) },
    { key: 'checkedIn', header: 'Checked in', align: 'end', width: '112px', render: (e) => count(e.checkedIn) },
    { key: 'cancelled', header: 'Cancelled', align: 'end', width: '96px', render: (e) => count(e.cancelled) },
    { key: 'revenue', header: 'Revenue', align: 'end', width: '116px', render: (e) => formatMoney(e.revenue, e.currency) },
    { key: 'refunds', header: 'Refunds', align: 'end', width: '108px', render: (e) => (e.refunds > 0 ? formatMoney(e.refunds, e.currency) : '—') },
    { key: 'sync', header: 'CRM sync', width: '200px', render: (e) => <SyncBadges event={e} /> },
  ];
}

export function attendeeColumns(currency: string | null): Column<Attendee>[] {
  return [
    { key: 'name', header: 'Name', truncate: true, render: (a) => fullName(a.firstName, a.lastName) || '—' },
    { key: 'email', header: 'Email', truncate: true, render: (a) => a.email },
    { key: 'types', header: 'Ticket type', truncate: true, render: (a) => a.ticketTypes ?? '—' },
    { key: 'tickets', header: 'Tickets', align: 'end', width: '80px', render: (a) => count(a.tickets) },
    { key: 'spent', header: 'Paid', align: 'end', width: '100px', render: (a) => formatMoney(a.spent, currency) },
    { key: 'status', header: 'Status', width: '130px', render: (a) => <StatusBadge status={a.status} /> },
  ];
}
