import { useEffect, useMemo, type ReactElement } from 'react';
import type { EventSummary } from '../../../../shared/ipc/channels/events';
import { Button, Card, DataTable, EmptyState, Page, Spinner } from '../../components';
import { BarChart } from '../../components/charts';
import { formatMoney, plural } from '../../lib/format';
import { useNavigation } from '../../stores/navigation';
import { eventColumns } from './event-columns';
import { EventDetailCard } from './EventDetailCard';
import { useEvents } from './events-store';
import './events.css';

const CHART_EVENTS = 12;

/** Charts read oldest → newest, the latest events only. */
function chartEvents(events: EventSummary[]): EventSummary[] {
  return events.slice(0, CHART_EVENTS).reverse();
}

function Charts({ events }: { events: EventSummary[] }): ReactElement {
  const shown = chartEvents(events);
  const currencies = new Set(events.map((e) => e.currency).filter(Boolean));
  const currency = currencies.size === 1 ? [...currencies][0] : null;
  return (
    <div className="events-charts">
      <Card title="Attendance per event" description="People who attended (checked in)">
        <BarChart points={shown.map((e) => ({ label: e.name, value: e.attended }))} title="Attendance per event" valueLabel="attended" height={220} />
      </Card>
      <Card title="Revenue per event" description={currency ? `Paid orders, ${currency}, refunds excluded` : 'Paid orders, refunds excluded'}>
        <BarChart points={shown.map((e) => ({ label: e.name, value: e.revenue }))} title="Revenue per event" valueLabel="revenue" height={220} />
      </Card>
    </div>
  );
}

function NoEvents(): ReactElement {
  const go = useNavigation((s) => s.go);
  return (
    <Card>
      <EmptyState
        icon="calendar"
        title="No events yet"
        action={
          <Button variant="primary" icon="upload" onClick={() => go('import')}>
            Import a CSV
          </Button>
        }
      >
        <p>Events appear once you import an attendee or order export. For a one-event attendee report, name the event in the import dialog.</p>
      </EmptyState>
    </Card>
  );
}

export function EventsPage(): ReactElement {
  const { events, selectedId, error } = useEvents();
  const { load, select } = useEvents.getState();
  useEffect(() => {
    void load();
  }, [load]);
  const columns = useMemo(() => eventColumns((e) => select(e.id === selectedId ? null : e.id), selectedId), [select, selectedId]);

  const revenue = events?.reduce((sum, e) => sum + e.revenue, 0) ?? 0;
  const currencies = new Set(events?.map((e) => e.currency));
  const description =
    events === null ? 'Loading…' : events.length === 0 ? 'Attendance and revenue per event' : `${plural(events.length, 'event')} · ${formatMoney(revenue, currencies.size === 1 ? [...currencies][0] : null)} revenue in total`;

  return (
    <Page title="Events" description={description} actions={<Button icon="refresh" onClick={() => void load()}>Refresh</Button>}>
      {error && <p role="alert" className="events-error">Could not load events: {error}</p>}
      {events === null ? (
        <Spinner label="Loading events" />
      ) : events.length === 0 ? (
        <NoEvents />
      ) : (
        <div className="events-layout">
          <Charts events={events} />
          <Card title="All events" description="Choose an event to see its attendees" flush>
            <DataTable label="Events" columns={columns} rows={events} rowKey={(e) => e.id} />
          </Card>
          <EventDetailCard />
        </div>
      )}
    </Page>
  );
}
