import { useCallback, useEffect, useRef, useState, type ReactElement } from 'react';
import { api, errorMessage } from '../../api';
import { Badge, Button, Card, ConnectionPicker, Spinner } from '../../components';
import type { ConnectionView } from '../../../../shared/ipc/channels/connections';
import type { PreflightReport } from '../../../../shared/ipc/channels/preflight';
import './permission-check.css';

type State = { status: 'idle' } | { status: 'checking' } | { status: 'done'; report: PreflightReport } | { status: 'failed'; message: string };

function Findings({ report }: { report: PreflightReport }): ReactElement {
  const flagged = report.objects.filter((o) => o.issues.length > 0);
  return (
    <div className="permission-report">
      <p className={report.ok ? 'permission-summary permission-ok' : 'permission-summary permission-bad'} role="status">
        {report.message}
      </p>
      {flagged.length > 0 && (
        <ul className="permission-list" aria-label={`Permission problems of ${report.label}`}>
          {flagged.flatMap((o) =>
            o.issues.map((i, n) => (
              <li key={`${o.object}-${n}`} className="permission-item">
                <Badge tone={i.severity === 'error' ? 'danger' : 'warning'}>{o.label}</Badge>
                <span>{i.message}.</span>
              </li>
            )),
          )}
        </ul>
      )}
      {report.grantedScopes && <p className="muted permission-scopes">Scopes granted to this sign-in: {report.grantedScopes.join(', ') || 'none'}.</p>}
    </div>
  );
}

/**
 * What the connected user of one connection may not do that its mappings need, checked before
 * any push (a push with such a problem is refused with the same words).
 */
export function PermissionCheck(): ReactElement | null {
  const [connections, setConnections] = useState<ConnectionView[] | null>(null);
  const [connectionId, setConnectionId] = useState<string | null>(null);
  const [state, setState] = useState<State>({ status: 'idle' });

  // Only the latest check may land: switching connections mid-check drops the older answer.
  const latest = useRef(0);
  const check = useCallback(async (id: string, refresh: boolean) => {
    const seq = ++latest.current;
    setState({ status: 'checking' });
    try {
      const report = await api.preflight.check({ connectionId: id, refresh });
      if (seq === latest.current) setState({ status: 'done', report });
    } catch (err) {
      if (seq === latest.current) setState({ status: 'failed', message: errorMessage(err) });
    }
  }, []);

  useEffect(() => {
    const load = () =>
      void api.connections.list({}).then((all) => {
        const usable = all.filter((c) => c.status === 'connected');
        setConnections(usable);
        setConnectionId((cur) => (cur && usable.some((c) => c.id === cur) ? cur : (usable[0]?.id ?? null)));
      }, () => setConnections([]));
    load();
    return api.on.connectionChanged(load);
  }, []);

  useEffect(() => {
    if (connectionId) void check(connectionId, false);
  }, [connectionId, check]);

  if (!connections || connections.length === 0 || !connectionId) return null;
  return (
    <Card
      className="permission-check"
      title="Permissions"
      description="What the signed-in CRM user may not do that the mappings need. A push with such a problem stops before sending anything."
      actions={
        <>
          <ConnectionPicker label="Connection to check" connections={connections} value={connectionId} onChange={setConnectionId} />
          <Button size="sm" icon="refresh" busy={state.status === 'checking'} onClick={() => void check(connectionId, true)} title="Read the CRM's metadata and scopes again">
            Check again
          </Button>
        </>
      }
    >
      {state.status === 'checking' || state.status === 'idle' ? (
        <Spinner label="Checking permissions" />
      ) : state.status === 'failed' ? (
        <p className="permission-summary permission-bad" role="alert">
          {state.message}
        </p>
      ) : (
        <Findings report={state.report} />
      )}
    </Card>
  );
}
