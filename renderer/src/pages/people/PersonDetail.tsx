import type { ReactElement } from 'react';
import type { PersonSummary } from '../../../../shared/ipc/channels/people';
import { Badge, Button, DataTable, EmptyState, Spinner, type Column } from '../../components';
import { formatDate, formatDateTime, formatMoney, fullName } from '../../lib/format';
import { usePeople, type Order } from '../../stores/people';
import { Avatar } from './Avatar';
import { providerLabel } from './CrmLinks';

const orderColumns: Column<Order>[] = [
  {
    key: 'order',
    header: 'Order',
    render: (o) => (
      <>
        <div className="truncate">{o.eventName ?? 'No event'}</div>
        <div className="muted small">
          #{o.externalOrderId} · {formatDate(o.orderedAt)}
          {o.ticketType ? ` · ${o.quantity ?? 1}× ${o.ticketType}` : ''}
        </div>
      </>
    ),
  },
  {
    key: 'total',
    header: 'Total',
    align: 'end',
    width: '110px',
    render: (o) => (
      <>
        <div className="num">{formatMoney(o.total, o.currency)}</div>
        {o.status && <div className="muted small">{o.status}</div>}
      </>
    ),
  },
];

function Orders({ personId }: { personId: number }): ReactElement {
  const orders = usePeople((s) => (s.orders?.personId === personId ? s.orders : null));
  if (!orders || (orders.rows === null && !orders.failed)) {
    return (
      <div className="detail-loading">
        <Spinner label="Loading orders" />
      </div>
    );
  }
  if (orders.rows === null) return <p className="muted">The orders could not be loaded.</p>;
  if (orders.rows.length === 0) {
    return (
      <EmptyState compact icon="ticket" title="No orders">
        <p>This person has no orders in the local store.</p>
      </EmptyState>
    );
  }
  return <DataTable dense label="Orders" columns={orderColumns} rows={orders.rows} rowKey={(o) => o.id} />;
}

function Links({ person }: { person: PersonSummary }): ReactElement {
  if (person.links.length === 0) {
    return <p className="muted">Not in any CRM yet. A push from the Sync page creates or matches their CRM record.</p>;
  }
  return (
    <ul className="link-list">
      {person.links.map((l) => (
        <li key={`${l.connectionId}:${l.object}`}>
          <Badge tone={l.status === 'linked' ? 'success' : 'warning'} dot>
            {providerLabel(l.provider)}
          </Badge>
          <span className="link-object">{l.object}</span>
          <code className="link-id">{l.externalId}</code>
          {l.status !== 'linked' && <span className="muted small">{l.status}</span>}
        </li>
      ))}
    </ul>
  );
}

/** The side panel for the selected person: contact facts, CRM records and orders. */
export function PersonDetail({ person }: { person: PersonSummary }): ReactElement {
  const select = usePeople((s) => s.select);
  const name = fullName(person.firstName, person.lastName);
  return (
    <aside
      className="detail card"
      aria-label="Person details"
      onKeyDown={(e) => {
        if (e.key === 'Escape') select(null);
      }}
    >
      <header className="detail-head">
        <Avatar name={name} email={person.email} size="lg" />
        <div className="detail-titles">
          <h2 className="detail-name">{name || person.email}</h2>
          {name && <div className="muted truncate">{person.email}</div>}
        </div>
        <Button variant="ghost" size="sm" icon="close" aria-label="Close details" onClick={() => select(null)} />
      </header>
      <div className="detail-body">
        <dl className="facts facts-compact">
          <dt>Phone</dt>
          <dd>{person.phone ?? '—'}</dd>
          <dt>Company</dt>
          <dd>{person.company ?? '—'}</dd>
          <dt>Total spent</dt>
          <dd className="num">{formatMoney(person.totalSpent)}</dd>
          <dt>Orders</dt>
          <dd className="num">{person.orderCount}</dd>
          <dt>Last event</dt>
          <dd>{person.lastEventName ?? '—'}</dd>
          <dt>Updated</dt>
          <dd>{formatDateTime(person.updatedAt)}</dd>
        </dl>
        <h3 className="detail-section">CRM records</h3>
        <Links person={person} />
        <h3 className="detail-section">Orders</h3>
        <Orders personId={person.id} />
      </div>
    </aside>
  );
}
