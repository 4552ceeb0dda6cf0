import type { ReactElement } from 'react';
import { Button, Card, EmptyState, Page, Stat } from '../../components';
import { useAppInfo } from '../../stores/app-info';
import { useNavigation } from '../../stores/navigation';

function SyncEmptyState(): ReactElement {
  const counts = useAppInfo((s) => s.counts);
  const go = useNavigation((s) => s.go);
  if (!counts || counts.connections === 0) {
    return (
      <EmptyState
        icon="sync"
        title="Connect a CRM first"
        action={
          <Button variant="primary" icon="plug" onClick={() => go('connections')}>
            Open Connections
          </Button>
        }
      >
        <p>Sync pushes your ticket buyers to a connected CRM and pulls back the edits made there.</p>
      </EmptyState>
    );
  }
  if (counts.people === 0) {
    return (
      <EmptyState
        icon="upload"
        title="Import ticket buyers first"
        action={
          <Button variant="primary" icon="upload" onClick={() => go('import')}>
            Import a CSV
          </Button>
        }
      >
        <p>There is nobody to push yet. Import an export from your ticketing platform, then come back here.</p>
      </EmptyState>
    );
  }
  return (
    <EmptyState icon="sync" title="Nothing has been synced yet">
      <p>
        Push sends new and changed people to the CRM; pull brings back edits made there. Every change goes through a
        queue that survives restarts and retries failures, and you can follow it here.
      </p>
    </EmptyState>
  );
}

export function SyncPage(): ReactElement {
  const counts = useAppInfo((s) => s.counts);
  return (
    <Page title="Sync" description="Push and pull between the local store and your CRMs, and watch the queue.">
      <div className="stat-grid stat-grid-3">
        <Stat label="Waiting to sync" icon="sync" value={counts?.queuePending ?? null} hint="Pending, running or retrying" />
        <Stat label="Failed for good" icon="alert" value={counts?.queueDead ?? null} hint="Gave up after every retry" />
        <Stat label="People" icon="users" value={counts?.people ?? null} hint="Candidates for a push" />
      </div>
      <Card>
        <SyncEmptyState />
      </Card>
    </Page>
  );
}
