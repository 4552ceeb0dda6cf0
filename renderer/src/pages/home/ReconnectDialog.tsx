import { useEffect, useState, type ReactElement } from 'react';
import { ConnectDialog } from '../connections/ConnectDialog';
import { followConnectionEvents, useConnections } from '../connections/store';

interface Props {
  connectionId: string;
  onClose: () => void;
}

/**
 * The Connections page's reconnect dialog, opened from Home on the connection that needs it.
 * A browser sign-in closes it when it succeeds (its outcome shows as a toast), as on Connections;
 * a pasted token closes it as soon as it is accepted.
 */
export function ReconnectDialog({ connectionId, onClose }: Props): ReactElement | null {
  const providers = useConnections((s) => s.providers);
  const connection = useConnections((s) => s.connections.find((c) => c.id === connectionId));
  const provider = providers?.find((p) => p.id === connection?.provider);
  const pending = useConnections((s) => (provider ? s.pending[provider.id] : undefined));
  const [waited, setWaited] = useState(false);

  useEffect(() => {
    const stop = followConnectionEvents();
    void useConnections.getState().load();
    return stop;
  }, []);

  useEffect(() => {
    if (pending) setWaited(true);
    else if (waited) {
      setWaited(false);
      if (!useConnections.getState().attemptError[provider?.id ?? '']) onClose();
    }
  }, [pending, waited, provider, onClose]);

  if (!provider || !connection) return null;
  return <ConnectDialog provider={provider} connection={connection} onClose={onClose} />;
}
