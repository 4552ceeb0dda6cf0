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
    width: 'minmax(180px, 1.3fr)',
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
  { key: 'email', header: 'Email', sortKey: 'email', width: 'minmax(200px, 1.5fr)', render: (p) => <span className="truncate">{p.email}</span> },
  { key: 'company', header: 'Company', width: 'minmax(120px, 1fr)', render: (p) => <span className="truncate">{p.company ?? ''}</span> },
  { key: 'orders', header: 'Orders', sortKey: 'orderCount', width: '84px', align: 'end', render: (p) => <span className="num">{p.orderCount}</span> },
  {
    key: 'spent',
    header: 'Total spent',
    sortKey: 'totalSpent',
    width: '116px',
    align: 'end',
    render: (p) => <span className="num">{formatMoney(p.totalSpent)}</span>,
  },
  { key: 'event', header: 'Last event', width: 'minmax(140px, 1fr)', render: (p) => <span className="truncate">{p.lastEventName ?? ''}</span> },
  { key: 'crm', header: 'CRM', width: '132px', render: (p) => <CrmLinkBadges links={p.links} /> },
  {
    key: 'updated',
    header: 'Updated',
    sortKey: 'updatedAt',
    width: '108px',
    align: 'end',
    render: (p) => (
      <span className="muted" title={p.updatedAt}>
        {formatRelative(p.updatedAt)}
      </span>
    ),
  },
];
