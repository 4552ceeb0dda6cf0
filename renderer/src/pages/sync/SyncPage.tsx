import { useEffect, type ReactElement } from 'react';
import { Button, Card, EmptyState, Page, Spinner } from '../../components';
import { useAppInfo } from '../../stores/app-info';
import { useNavigation } from '../../stores/navigation';
import { ConnectionTargets } from './ConnectionTargets';
import { DryRunDialog } from './DryRunDialog';
import { LiveRuns } from './LiveRuns';
import { PermissionCheck } from './PermissionCheck';
import { QueueMonitor, QueueStats } from './QueueMonitor';
import { Conflicts, RecentRuns } from './RecentRuns';
import { followSyncEvents, useSync } from './store';
import './sync.css';

function NoConnections(): ReactElement {
  const go = useNavigation((s) => s.go);
  const counts = useAppInfo((s) => s.counts);
  return (
    <Card>
      <EmptyState
        icon="sync"
        title="Connect a CRM first"
        action={
          <Button variant="primary" icon="plug" onClick={() => go('connections')}>
            Open Connections
          </Button>
        }
      >
        <p>
          Sync pushes your ticket buyers to a connected CRM and pulls back the edits made there.
          {counts && counts.people === 0 ? ' Import a CSV export of your buyers too.' : ''}
        </p>
      </EmptyState>
    </Card>
  );
}

export function SyncPage(): ReactElement {
  const targets = useSync((s) => s.targets);
  const loadError = useSync((s) => s.loadError);
  const load = useSync((s) => s.load);

  useEffect(() => {
    const stop = followSyncEvents();
    void load();
    return stop;
  }, [load]);

  return (
    <Page
      title="Sync"
      description="Push buyers, companies and orders to your CRMs and pull back what changed there. Watch the queue, fix what failed, see every run."
      actions={
        <Button variant="ghost" icon="refresh" onClick={() => void load()}>
          Refresh
        </Button>
      }
    >
      <div className="sync-page">
        <LiveRuns />
        <QueueStats />
        {targets === null ? (
          <Card>
            <EmptyState icon="sync" title={loadError ? 'Could not load the connections' : 'Loading'} action={loadError ? <Button onClick={() => void load()}>Try again</Button> : undefined}>
              {loadError ? <p>{loadError}</p> : <Spinner label="Loading connections and their objects" />}
            </EmptyState>
          </Card>
        ) : targets.length === 0 ? (
          <NoConnections />
        ) : (
          <ConnectionTargets targets={targets} />
        )}
        <PermissionCheck />
        <QueueMonitor />
        <RecentRuns />
        <Conflicts />
      </div>
      <DryRunDialog />
    </Page>
  );
}
