import { create } from 'zustand';
import type { ConnectAttemptEvent, ConnectionView, ConnectRequest, ConnectTokenRequest, ProviderInfo } from '../../../../shared/ipc/channels/connections';
import { api, errorMessage } from '../../api';
import { toast } from '../../components';

/** A browser sign-in waiting for its callback. */
export interface PendingSignIn {
  attemptId: string;
  connectionId: string;
  authorizeUrl: string;
  openedBrowser: boolean;
}

export type CardNote = { tone: 'success' | 'error'; text: string };

interface ConnectionsState {
  providers: ProviderInfo[] | null;
  connections: ConnectionView[];
  loadError: string | null;
  /** By provider id: the sign-in in progress. */
  pending: Partial<Record<string, PendingSignIn>>;
  /** By provider id: how the last sign-in ended, when it did not succeed. */
  attemptError: Partial<Record<string, string>>;
  /** By connection id: the action running. */
  busy: Partial<Record<string, 'test' | 'disconnect'>>;
  /** By connection id: what the last test or disconnect said. */
  notes: Partial<Record<string, CardNote>>;
  load(): Promise<void>;
  signIn(req: ConnectRequest): Promise<PendingSignIn | null>;
  cancel(provider: string): Promise<void>;
  connectToken(req: ConnectTokenRequest): Promise<ConnectionView | null>;
  test(id: string): Promise<void>;
  disconnect(id: string): Promise<void>;
  clearAttemptError(provider: string): void;
}

const upsert = (list: ConnectionView[], view: ConnectionView): ConnectionView[] =>
  list.some((c) => c.id === view.id) ? list.map((c) => (c.id === view.id ? view : c)) : [...list, view].sort((a, b) => a.id.localeCompare(b.id));

export const useConnections = create<ConnectionsState>((set, get) => {
  const withBusy = async (id: string, what: 'test' | 'disconnect', run: () => Promise<CardNote>): Promise<void> => {
    set({ busy: { ...get().busy, [id]: what }, notes: { ...get().notes, [id]: undefined } });
    let note: CardNote;
    try {
      note = await run();
    } catch (err) {
      note = { tone: 'error', text: errorMessage(err) };
    }
    const { [id]: _done, ...busy } = get().busy;
    set({ busy, notes: { ...get().notes, [id]: note } });
  };

  return {
    providers: null,
    connections: [],
    loadError: null,
    pending: {},
    attemptError: {},
    busy: {},
    notes: {},
    async load() {
      try {
        const [providers, connections] = await Promise.all([api.connections.providers({}), api.connections.list({})]);
        set({ providers, connections, loadError: null });
      } catch (err) {
        set({ loadError: errorMessage(err) });
      }
    },
    async signIn(req) {
      set({ attemptError: { ...get().attemptError, [req.provider]: undefined } });
      try {
        const started = await api.connections.connect(req);
        set({ pending: { ...get().pending, [req.provider]: started } });
        return started;
      } catch (err) {
        set({ attemptError: { ...get().attemptError, [req.provider]: errorMessage(err) } });
        return null;
      }
    },
    async cancel(provider) {
      const p = get().pending[provider];
      if (p) await api.connections.cancel({ attemptId: p.attemptId }).catch(() => undefined);
    },
    async connectToken(req) {
      set({ attemptError: { ...get().attemptError, [req.provider]: undefined } });
      try {
        const view = await api.connections.connectToken(req);
        set({ connections: upsert(get().connections, view) });
        toast.success(`Connected ${view.providerName} as ${view.user ?? 'unknown user'}.`);
        return view;
      } catch (err) {
        set({ attemptError: { ...get().attemptError, [req.provider]: errorMessage(err) } });
        return null;
      }
    },
    test: (id) =>
      withBusy(id, 'test', async () => {
        const res = await api.connections.test({ connectionId: id });
        set({ connections: upsert(get().connections, res.connection) });
        return { tone: res.ok ? 'success' : 'error', text: res.message };
      }),
    disconnect: (id) =>
      withBusy(id, 'disconnect', async () => {
        const res = await api.connections.disconnect({ connectionId: id });
        set({ connections: upsert(get().connections, res.connection) });
        return { tone: res.revoked ? 'success' : 'error', text: res.message };
      }),
    clearAttemptError(provider) {
      set({ attemptError: { ...get().attemptError, [provider]: undefined } });
    },
  };
});

function attemptEnded(e: ConnectAttemptEvent): void {
  const s = useConnections.getState();
  if (s.pending[e.provider]?.attemptId !== e.attemptId) return;
  useConnections.setState({
    pending: { ...s.pending, [e.provider]: undefined },
    attemptError: { ...s.attemptError, [e.provider]: e.state === 'failed' ? e.message : undefined },
  });
  if (e.state === 'succeeded') toast.success(e.message);
}

/** Follows main's connection events while the page is open; returns the unsubscribe. */
export function followConnectionEvents(): () => void {
  const offChanged = api.on.connectionChanged((view) => useConnections.setState({ connections: upsert(useConnections.getState().connections, view) }));
  const offAttempt = api.on.connectAttempt(attemptEnded);
  return () => {
    offChanged();
    offAttempt();
  };
}
