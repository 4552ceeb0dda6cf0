import { useEffect, useRef, type ReactElement } from 'react';
import type { AttendanceStatus, EventDetail } from '../../../../shared/ipc/channels/events';
import { Button, Card, DataTable, Spinner, Tabs, type TabDef } from '../../components';
import { formatMoney, plural } from '../../lib/format';
import { attendeeColumns, eventDay, SyncBadges } from './event-columns';
import { useEvents } from './events-store';

type TabKey = 'all' | AttendanceStatus;

function tabsOf(d: EventDetail): TabDef<TabKey>[] {
  const e = d.event;
  return [
    { key: 'all', label: 'All', count: e.registered + e.attended + e.cancelled + e.noShow },
    { key: 'Registered', label: 'Registered', count: e.registered },
    { key: 'Attended', label: 'Attended', count: e.attended },
    { key: 'No-show', label: 'No-show', count: e.noShow },
    { key: 'Cancelled', label: 'Cancelled', count: e.cancelled },
  ];
}

/** The selected event: its figures, CRM state and the attendee list by status. */
export function EventDetailCard(): ReactElement | null {
  const { detail, status, selectedId } = useEvents();
  const { select, filter } = useEvents.getState();
  const ref = useRef<HTMLDivElement>(null);
  const loaded = detail?.event.id ?? null;
  // The list sits below the events table: bring it into view when an event opens.
  useEffect(() => {
    if (loaded !== null) ref.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [loaded]);
  if (selectedId === null) return null;
  if (!detail) {
    return (
      <Card className="events-detail">
        <Spinner label="Loading attendees" />
      </Card>
    );
  }
  const e = detail.event;
  const { rows, total } = detail.attendees;
  return (
    <div ref={ref} className="events-detail-anchor">
    <Card
      className="events-detail"
      title={`Attendees of ${e.name}`}
      description={[e.date ? eventDay(e.date) : null, e.venue, `${plural(e.tickets, 'ticket')}, ${formatMoney(e.revenue, e.currency)} revenue`].filter(Boolean).join(' · ')}
      actions={
        <Button variant="ghost" icon="close" onClick={() => select(null)} aria-label="Close attendees">
          Close
        </Button>
      }
    >
      <div className="events-detail-sync">
        <span className="events-muted">CRM sync</span> <SyncBadges event={e} />
      </div>
      <Tabs tabs={tabsOf(detail)} active={status ?? 'all'} onChange={(k) => filter(k === 'all' ? null : k)} label="Attendance status">
        {rows.length === 0 ? (
          <p className="events-muted events-none">No attendees with this status.</p>
        ) : (
          <>
            <DataTable label={`Attendees of ${e.name}`} columns={attendeeColumns(e.currency)} rows={rows} rowKey={(a) => a.personId} dense />
            {total > rows.length && <p className="events-muted events-none">Showing {rows.length.toLocaleString()} of {total.toLocaleString()}.</p>}
          </>
        )}
      </Tabs>
    </Card>
    </div>
  );
}
