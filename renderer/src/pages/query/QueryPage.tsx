import type { ReactElement } from 'react';
import { Button, Card, EmptyState, Page } from '../../components';
import { useAppInfo } from '../../stores/app-info';
import { useNavigation } from '../../stores/navigation';

export function QueryPage(): ReactElement {
  const connections = useAppInfo((s) => s.counts?.connections ?? 0);
  const go = useNavigation((s) => s.go);
  return (
    <Page title="Query" description="Ask your CRM directly: SOQL for Salesforce, searches for HubSpot, with CSV export.">
      <Card>
        {connections === 0 ? (
          <EmptyState
            icon="query"
            title="Connect a CRM first"
            action={
              <Button variant="primary" icon="plug" onClick={() => go('connections')}>
                Open Connections
              </Button>
            }
          >
            <p>
              Queries run against a connected CRM, with autocomplete for its objects and fields, every page of results
              and an export to CSV.
            </p>
          </EmptyState>
        ) : (
          <EmptyState icon="query" title="Write your first query">
            <p>
              Pick a connection, then write SOQL such as <code>SELECT Id, Email FROM Contact</code> or a HubSpot
              search. Results can be paged through and exported to CSV.
            </p>
          </EmptyState>
        )}
      </Card>
    </Page>
  );
}
