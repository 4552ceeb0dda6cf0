import { useState, type ReactElement } from 'react';
import { Button, Card, Modal } from '../../components';
import type { ConnectionView, ProviderInfo } from '../../../../shared/ipc/channels/connections';
import { ConnectionDetails, StatusBadge } from './ConnectionDetails';
import { useConnections } from './store';
import { GuideButton } from './guides/GuideButton';

export type OpenDialog = (opts: { connection?: ConnectionView; asNew?: boolean }) => void;

/** What to do about a connection that cannot be used, in words. */
const problemOf = (c: ConnectionView): string | null =>
  c.status === 'needs_reconnect'
    ? (c.lastError ?? 'The sign-in expired or was revoked. Click Reconnect to sign in again.')
    : c.status === 'connected' && c.lastError
      ? `The last check failed: ${c.lastError}`
      : null;

function ConnectionBlock({ connection: c, provider, open, showId }: { connection: ConnectionView; provider: ProviderInfo; open: OpenDialog; showId: boolean }): ReactElement {
  const busy = useConnections((s) => s.busy[c.id]);
  const note = useConnections((s) => s.notes[c.id]);
  const [confirm, setConfirm] = useState(false);
  const { test, disconnect } = useConnections.getState();
  const problem = problemOf(c);
  const usable = c.status === 'connected';
  return (
    <div className="connection" aria-label={`${c.label} (${c.id})`} role="group">
      <div className="connection-head">
        <StatusBadge status={c.status} />
        <span className="connection-label">{c.label}</span>
        {showId && <span className="muted mono">{c.id}</span>}
      </div>
      <ConnectionDetails connection={c} />
      {problem && (
        <p className="connection-problem" role="alert">
          {problem}
        </p>
      )}
      {note && (
        <p className={note.tone === 'success' ? 'connection-note' : 'connection-problem'} role="status">
          {note.text}
        </p>
      )}
      <div className="connection-actions">
        {usable && (
          <Button icon="checkCircle" busy={busy === 'test'} disabled={!!busy} onClick={() => void test(c.id)}>
            Test connection
          </Button>
        )}
        <Button variant={usable ? 'secondary' : 'primary'} icon="refresh" disabled={!!busy} onClick={() => open({ connection: c })}>
          {c.status === 'disconnected' ? 'Connect again' : 'Reconnect'}
        </Button>
        {c.status !== 'disconnected' && (
          <Button variant="danger" icon="trash" busy={busy === 'disconnect'} disabled={!!busy} onClick={() => setConfirm(true)}>
            Disconnect
          </Button>
        )}
      </div>
      <Modal
        open={confirm}
        title={`Disconnect ${provider.displayName}?`}
        onClose={() => setConfirm(false)}
        footer={
          <>
            <Button onClick={() => setConfirm(false)}>Keep connected</Button>
            <Button
              variant="danger"
              onClick={() => {
                setConfirm(false);
                void disconnect(c.id);
              }}
            >
              Disconnect
            </Button>
          </>
        }
      >
        <p>
          Access is revoked at {provider.displayName} where it allows it, and the saved sign-in is deleted from your system keychain.
          Your local people, links to {provider.displayName} records and mappings are kept, so connecting again picks up where you left off.
        </p>
      </Modal>
    </div>
  );
}

/** How pulls find changes, in words: from the provider's declared change tracking. */
const changeTrackingText = (p: ProviderInfo): string =>
  p.changeTracking === 'reconcile'
    ? `Pulls compare every record (reconcile): ${p.displayName} cannot list what changed.`
    : 'Pulls fetch only what changed since the last sync.';

/** One provider: its connections with status, account, usage and actions, or a Connect button. */
export function ProviderCard({ provider, connections, open }: { provider: ProviderInfo; connections: ConnectionView[]; open: OpenDialog }): ReactElement {
  const pending = useConnections((s) => s.pending[provider.id]);
  return (
    <Card
      title={provider.displayName}
      description={provider.blurb}
      actions={
        <>
          <GuideButton provider={provider.id} />
          {connections.length === 0 && (
            <Button variant="primary" icon="plug" busy={!!pending} onClick={() => open({})}>
              Connect
            </Button>
          )}
        </>
      }
    >
      <p className="muted provider-changes">{changeTrackingText(provider)}</p>
      {connections.length === 0 ? (
        <p className="muted">Not connected. Ways to connect: {provider.authMethods.map((m) => m.label).join(' · ')}.</p>
      ) : (
        <>
          {connections.map((c) => <ConnectionBlock key={c.id} connection={c} provider={provider} open={open} showId={connections.length > 1} />)}
          {/* Production and sandbox, or two portals, side by side: each gets its own sign-in and name. */}
          <div className="connection-add">
            <Button variant="ghost" icon="plug" busy={!!pending} onClick={() => open({ asNew: true })}>
              Add another {provider.displayName} connection
            </Button>
          </div>
        </>
      )}
    </Card>
  );
}
