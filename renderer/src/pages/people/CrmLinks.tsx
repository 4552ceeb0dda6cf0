import type { ReactElement } from 'react';
import type { PersonSummary } from '../../../../shared/ipc/channels/people';
import { Badge } from '../../components';

export const providerLabel = (provider: string): string => provider.charAt(0).toUpperCase() + provider.slice(1);

/** Compact CRM badges for a table cell. */
export function CrmLinkBadges({ links }: { links: PersonSummary['links'] }): ReactElement {
  if (links.length === 0) return <span className="muted">Not synced</span>;
  return (
    <span className="badge-row">
      {links.map((l) => (
        <Badge
          key={`${l.connectionId}:${l.object}`}
          tone={l.status === 'linked' ? 'success' : 'warning'}
          title={`${providerLabel(l.provider)} ${l.object} ${l.externalId} (${l.status})`}
        >
          {providerLabel(l.provider)}
        </Badge>
      ))}
    </span>
  );
}
