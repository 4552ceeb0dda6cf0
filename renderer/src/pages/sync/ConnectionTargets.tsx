import { useId, useState, type ReactElement } from 'react';
import { Badge, Button, Card, DataTable, Switch, type Column } from '../../components';
import type { SyncObjectView, SyncTargetView } from '../../../../shared/ipc/channels/sync';
import { startKey, useSync } from './store';

const kindLabels: Record<string, string> = { person: 'Buyers', company: 'Companies', order: 'Orders' };
const kindLabel = (k: string) => kindLabels[k] ?? k;

function MappingBadge({ o }: { o: SyncObjectView }): ReactElement {
  if (!o.enabled) return <Badge title="This object is switched off in its mapping">Off</Badge>;
  if (o.errors.length) return <Badge tone="danger" title={o.errors.join('\n')}>{o.errors.length} mapping error{o.errors.length === 1 ? '' : 's'}</Badge>;
  return <Badge tone={o.isDefault ? 'neutral' : 'accent'}>{o.isDefault ? 'Default mapping' : 'Custom mapping'}</Badge>;
}

function ConnectionCard({ t }: { t: SyncTargetView }): ReactElement {
  const push = useSync((s) => s.push);
  const pull = useSync((s) => s.pull);
  const preview = useSync((s) => s.preview);
  const starting = useSync((s) => s.starting);
  const [createPeople, setCreatePeople] = useState(false);
  const switchId = useId();
  const live = useSync((s) => s.live);
  const runningNow = (kind: 'push' | 'pull') => t.running.some((r) => r.kind === kind && live[r.runId]?.status !== 'ok') || Object.values(live).some((r) => r.connectionId === t.connectionId && r.kind === kind && r.status === 'running');
  const pushing = runningNow('push');
  const pulling = runningNow('pull');
  const disabled = t.status !== 'connected' || t.problem !== null;
  const busy = (object: string | undefined, kind: 'push' | 'pull') => starting === startKey(t.connectionId, object, kind);

  const columns: Column<SyncObjectView>[] = [
    {
      key: 'object',
      header: 'CRM object',
      render: (o) => (
        <span className="sync-object">
          <span className="sync-object-label">{o.label}</span>
          {o.object !== o.label && <span className="mono muted">{o.object}</span>}
        </span>
      ),
    },
    { key: 'kind', header: 'Holds', width: '110px', render: (o) => kindLabel(o.localKind) },
    { key: 'mapping', header: 'Mapping', width: '170px', render: (o) => <MappingBadge o={o} /> },
    {
      key: 'actions',
      header: <span className="sr-only">Actions</span>,
      align: 'end',
      width: '270px',
      render: (o) => (
        <span className="sync-object-actions">
          <Button size="sm" variant="ghost" icon="search" disabled={disabled || !o.pushable} onClick={() => void preview(t.connectionId, o.object, `${t.label} · ${o.label}`)} aria-label={`Preview a push of ${o.label}`}>
            Preview
          </Button>
          <Button size="sm" icon="upload" disabled={disabled || !o.pushable || pushing} busy={busy(o.object, 'push')} onClick={() => void push(t.connectionId, o.object)} aria-label={`Push ${o.label}`}>
            Push
          </Button>
          <Button size="sm" icon="refresh" disabled={disabled || !o.pullable || pulling} busy={busy(o.object, 'pull')} onClick={() => void pull(t.connectionId, o.object, createPeople)} aria-label={`Pull ${o.label}`} title={o.pullable ? undefined : 'No field of this mapping is pulled'}>
            Pull
          </Button>
        </span>
      ),
    },
  ];

  return (
    <Card
      title={
        <span className="sync-conn-title">
          {t.label}
          <Badge tone={t.status === 'connected' ? 'success' : 'warning'} dot>
            {t.status === 'connected' ? 'Connected' : t.status === 'needs_reconnect' ? 'Needs reconnect' : 'Disconnected'}
          </Badge>
        </span>
      }
      description={t.problem ?? 'Push sends new and changed records; pull brings back what changed in the CRM since the last pull.'}
      actions={
        <>
          <Button size="sm" variant="ghost" icon="search" disabled={disabled} onClick={() => void preview(t.connectionId, undefined, t.label)}>
            Preview push
          </Button>
          <Button size="sm" variant="primary" icon="upload" disabled={disabled || pushing} busy={busy(undefined, 'push')} onClick={() => void push(t.connectionId)}>
            Push all
          </Button>
          <Button size="sm" icon="refresh" disabled={disabled || pulling} busy={busy(undefined, 'pull')} onClick={() => void pull(t.connectionId, undefined, createPeople)}>
            Pull all
          </Button>
        </>
      }
      flush
    >
      {t.objects.length > 0 && <DataTable label={`Objects of ${t.label}`} columns={columns} rows={t.objects} rowKey={(o) => o.object} dense />}
      <div className="sync-conn-foot">
        <Switch id={switchId} checked={createPeople} onChange={setCreatePeople} disabled={disabled} />
        <label htmlFor={switchId}>Pull adds CRM records that match no buyer here as new people</label>
      </div>
    </Card>
  );
}

/** Push, pull and preview per connection and object. */
export function ConnectionTargets({ targets }: { targets: SyncTargetView[] }): ReactElement {
  return (
    <div className="sync-connections">
      {targets.map((t) => (
        <ConnectionCard key={t.connectionId} t={t} />
      ))}
    </div>
  );
}
