import { useEffect, useState, type ReactElement } from 'react';
import { Button, Card, EmptyState, Page, Spinner } from '../../components';
import type { ConnectionView, ProviderInfo } from '../../../../shared/ipc/channels/connections';
import { ConnectDialog } from './ConnectDialog';
import { ProviderCard } from './ProviderCard';
import { followConnectionEvents, useConnections } from './store';
import { useAppInfo } from '../../stores/app-info';
import './connections.css';

interface DialogState {
  provider: ProviderInfo;
  connection?: ConnectionView;
  asNew?: boolean;
}

export function ConnectionsPage(): ReactElement {
  const providers = useConnections((s) => s.providers);
  const connections = useConnections((s) => s.connections);
  const loadError = useConnections((s) => s.loadError);
  const load = useConnections((s) => s.load);
  const [dialog, setDialog] = useState<DialogState | null>(null);

  useEffect(() => {
    const stop = followConnectionEvents();
    void load();
    return stop;
  }, [load]);

  // A finished sign-in closes its dialog (its outcome shows on the card and as a toast).
  const pending = useConnections((s) => (dialog ? s.pending[dialog.provider.id] : undefined));
  const [waited, setWaited] = useState(false);
  useEffect(() => {
    if (pending) setWaited(true);
    else if (waited) {
      setWaited(false);
      if (!useConnections.getState().attemptError[dialog?.provider.id ?? '']) setDialog(null);
    }
  }, [pending, waited, dialog]);

  const demo = useAppInfo((st) => st.info?.demo ?? false);
  // The demo's tokens are throwaway ones held in memory, so the keychain promise would be untrue there.
  const description = demo
    ? 'Demo: these connections go to local practice CRMs with throwaway tokens kept in memory only.'
    : 'Sign in to the CRMs ticket buyers go to. Tokens stay in your system keychain, never in this app’s files.';
  if (!providers) {
    return (
      <Page title="Connections" description={description}>
        <Card>
          <EmptyState icon="plug" title={loadError ? 'Could not load the connections' : 'Loading connections'} action={loadError ? <Button onClick={() => void load()}>Try again</Button> : undefined}>
            {loadError ? <p>{loadError}</p> : <Spinner label="Loading connections" />}
          </EmptyState>
        </Card>
      </Page>
    );
  }

  return (
    <Page title="Connections" description={description}>
      <div className="connections-grid">
        {providers.map((p) => (
          <ProviderCard
            key={p.id}
            provider={p}
            connections={connections.filter((c) => c.provider === p.id)}
            open={(opts) => {
              useConnections.getState().clearAttemptError(p.id);
              setDialog({ provider: p, ...opts });
            }}
          />
        ))}
      </div>
      {dialog && <ConnectDialog provider={dialog.provider} connection={dialog.connection} asNew={dialog.asNew} onClose={() => setDialog(null)} />}
    </Page>
  );
}
