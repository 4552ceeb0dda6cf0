import type { PersonSummary } from '../../../../shared/ipc/channels/people';
import type { VirtualColumn } from '../../components';
import { formatMoney, formatRelative, fullName } from '../../lib/format';
import type { PeopleSort } from '../../stores/people';
import { Avatar } from './Avatar';
import { CrmLinkBadges } from './CrmLinks';

export const peopleColumns: VirtualColumn<PersonSummary, PeopleSort>[] = [
  {
    key: 'name',
    header: 'Name',
    sortKey: 'lastName',
    width: 'minmax(160px, 1.2fr)',
    render: (p) => {
      const name = fullName(p.firstName, p.lastName);
      return (
        <span className="person-cell">
          <Avatar name={name} email={p.email} />
          <span className={name ? 'truncate' : 'truncate muted'}>{name || 'No name'}</span>
        </span>
      );
    },
  },
  { key: 'email', header: 'Email', sortKey: 'email', width: 'minmax(180px, 1.4fr)', render: (p) => <span className="truncate">{p.email}</span> },
  { key: 'company', header: 'Company', width: 'minmax(110px, 1fr)', render: (p) => <span className="truncate">{p.company ?? ''}</span> },
  { key: 'orders', header: 'Orders', sortKey: 'orderCount', width: '92px', align: 'end', render: (p) => <span className="num">{p.orderCount}</span> },
  {
    key: 'spent',
    header: 'Total spent',
    sortKey: 'totalSpent',
    width: '124px',
    align: 'end',
    render: (p) => <span className="num">{formatMoney(p.totalSpent)}</span>,
  },
  { key: 'event', header: 'Last event', width: 'minmax(120px, 1fr)', render: (p) => <span className="truncate">{p.lastEventName ?? ''}</span> },
  { key: 'crm', header: 'CRM', width: '112px', render: (p) => <CrmLinkBadges links={p.links} /> },
  {
    key: 'updated',
    header: 'Updated',
    sortKey: 'updatedAt',
    width: '100px',
    align: 'end',
    render: (p) => (
      <span className="muted" title={p.updatedAt}>
        {formatRelative(p.updatedAt)}
      </span>
    ),
  },
];

/** While the detail pane is open the table keeps only what tells people apart. */
const compactKeys = new Set(['name', 'email', 'orders', 'spent']);
export const compactPeopleColumns = peopleColumns.filter((c) => compactKeys.has(c.key));

/** The narrowest the full table gets before it scrolls sideways (sum of the tracks' minimums). */
export const PEOPLE_TABLE_MIN_WIDTH = 1000;
