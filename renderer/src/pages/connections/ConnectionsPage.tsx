import type { ReactElement } from 'react';
import { Button, Card, EmptyState, Page } from '../../components';
import { useNavigation } from '../../stores/navigation';

/** Placeholder until the connections feature lands (it replaces this folder). */
export function ConnectionsPage(): ReactElement {
  const go = useNavigation((s) => s.go);
  return (
    <Page title="Connections" description="The CRMs this app pushes ticket buyers to and pulls edits from.">
      <Card>
        <EmptyState
          icon="plug"
          title="No CRM connected yet"
          action={
            <Button variant="primary" icon="upload" onClick={() => go('import')}>
              Import ticket buyers meanwhile
            </Button>
          }
        >
          <p>
            Connect Salesforce, HubSpot or Pipedrive here. Signing in happens on the CRM&apos;s own page in your
            browser, and the access token is kept in your system keychain, never in this app&apos;s files.
          </p>
        </EmptyState>
      </Card>
    </Page>
  );
}
