import { useCallback, useState, type ReactElement } from 'react';
import type { AttentionItem } from '../../../../shared/ipc/channels/dashboard';
import { Badge, Button, Card, Icon, Spinner } from '../../components';
import { formatDateTime, formatRelative } from '../../lib/format';
import { useDashboard } from './dashboard-store';
import { openDeadLetters, openMapping, openRun, retryDeadLetters, runAgain } from './fixes';
import { ReconnectDialog } from './ReconnectDialog';

/** Runs a fix, keeps its button busy meanwhile, and refreshes the dashboard after. */
function useFix(): [string | null, (key: string, fix: () => Promise<unknown>) => void] {
  const [busy, setBusy] = useState<string | null>(null);
  const run = (key: string, fix: () => Promise<unknown>) => {
    setBusy(key);
    fix()
      .catch(() => undefined)
      .finally(() => {
        setBusy(null);
        void useDashboard.getState().load();
        void useDashboard.getState().loadAttention();
      });
  };
  return [busy, run];
}

function Actions({ item, onReconnect }: { item: AttentionItem; onReconnect: (id: string) => void }): ReactElement {
  const [busy, run] = useFix();
  const a = item.action;
  switch (a.kind) {
    case 'dead-letters':
      return (
        <>
          <Button size="sm" icon="refresh" busy={busy === 'retry'} onClick={() => run('retry', () => retryDeadLetters(a))}>
            Retry
          </Button>
          <Button size="sm" variant="primary" onClick={openDeadLetters}>
            Open dead letters
          </Button>
        </>
      );
    case 'reconnect':
      return (
        <Button size="sm" variant="primary" icon="plug" onClick={() => onReconnect(a.connectionId)}>
          Reconnect
        </Button>
      );
    case 'mapping':
      return (
        <Button size="sm" variant="primary" icon="mapping" onClick={() => void openMapping(a.connectionId, a.object)}>
          Open mapping
        </Button>
      );
    case 'run':
      return (
        <>
          {(a.runKind === 'push' || a.runKind === 'pull') && (
            <Button size="sm" icon="play" busy={busy === 'again'} onClick={() => run('again', () => runAgain(a))}>
              Run again
            </Button>
          )}
          <Button size="sm" variant="primary" onClick={() => openRun(a)}>
            Open run
          </Button>
        </>
      );
  }
}

function Item({ item, onReconnect }: { item: AttentionItem; onReconnect: (id: string) => void }): ReactElement {
  const tone = item.severity === 'error' ? 'danger' : 'warning';
  return (
    <li className={`attention-item attention-${tone}`} aria-label={`${item.title} (${item.connectionLabel})`}>
      <span className="attention-icon" aria-hidden="true">
        <Icon name="alert" size={18} />
      </span>
      <div className="attention-text">
        <div className="attention-title">{item.title}</div>
        <div className="attention-meta">
          <Badge tone="neutral">{item.connectionLabel}</Badge>
          {item.at && (
            <time dateTime={item.at} title={formatDateTime(item.at)}>
              {formatRelative(item.at)}
            </time>
          )}
        </div>
        {item.detail && (
          <p className="attention-detail" title={item.detail}>
            {item.detail}
          </p>
        )}
      </div>
      <div className="attention-actions">
        <Actions item={item} onReconnect={onReconnect} />
      </div>
    </li>
  );
}

/** "Needs attention": what stops syncs or lost records, each with the one click that fixes it. */
export function AttentionCard(): ReactElement {
  const attention = useDashboard((s) => s.attention);
  const loading = useDashboard((s) => s.attentionLoading);
  const labels = useDashboard((s) => s.overview?.connections);
  const [reconnect, setReconnect] = useState<string | null>(null);
  const closeReconnect = useCallback(() => {
    setReconnect(null);
    void useDashboard.getState().loadAttention();
  }, []);
  const items = attention?.items ?? [];
  const labelOf = (id: string) => labels?.find((c) => c.connectionId === id)?.label ?? id;
  const unchecked = attention?.unchecked ?? [];
  return (
    <Card
      title="Needs attention"
      className="attention-card"
      actions={
        <>
          {loading && <Spinner size={14} label="Checking" />}
          {items.length > 0 && <Badge tone="danger">{items.length}</Badge>}
        </>
      }
    >
      {attention === null ? (
        <p className="muted">Checking dead letters, connections and mappings…</p>
      ) : items.length === 0 ? (
        <div className="attention-clear" role="status">
          <span className="attention-clear-icon" aria-hidden="true">
            <Icon name="checkCircle" size={20} />
          </span>
          <div>
            <strong>All clear</strong>
            <p className="muted">No dead letters, every connection signed in, every mapping valid, and the last runs went through.</p>
          </div>
        </div>
      ) : (
        <ul className="attention-list">
          {items.map((i) => (
            <Item key={i.id} item={i} onReconnect={setReconnect} />
          ))}
        </ul>
      )}
      {unchecked.length > 0 && (
        <p className="attention-unchecked muted">
          Mappings not checked for {unchecked.map((u) => labelOf(u.connectionId)).join(', ')}: {unchecked[0].reason}
        </p>
      )}
      {reconnect && <ReconnectDialog connectionId={reconnect} onClose={closeReconnect} />}
    </Card>
  );
}
