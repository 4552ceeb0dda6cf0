import type { ReactElement } from 'react';
import { Badge } from '../components/Badge';
import { useAppInfo } from '../stores/app-info';
import { useLink } from '../stores/link';

function LinkStatusBadge(): ReactElement | null {
  const status = useLink((s) => s.status);
  if (status === 'open') return null;
  if (status === 'connecting') return <Badge tone="neutral" dot>Connecting…</Badge>;
  if (status === 'reconnecting') return <Badge tone="warning" dot title="The app's service is not answering; retrying.">Reconnecting…</Badge>;
  return <Badge tone="danger" dot>Not signed in</Badge>;
}

/** The window's top bar: the product, whether this is the demo, and whether the service is reachable. */
export function AppHeader(): ReactElement {
  const info = useAppInfo((s) => s.info);
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          <svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
            <path d="M3 8a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2v2a2 2 0 0 0 0 4v2a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-2a2 2 0 0 0 0-4z" />
            <path d="m9 12 2 2 4-4" />
          </svg>
        </span>
        <span className="brand-name">{info?.name ?? 'Ticket CRM Sync'}</span>
        {info?.demo && (
          <Badge tone="accent" title="Connected to local demo CRMs with sample data">
            Demo
          </Badge>
        )}
      </div>
      <div className="app-header-end">
        <LinkStatusBadge />
        {info?.debug && <Badge tone="warning">Debug logging</Badge>}
      </div>
    </header>
  );
}
