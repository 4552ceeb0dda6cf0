import type { ReactElement } from 'react';
import { Button, Card, EmptyState, Page } from '../../components';
import { useAppInfo } from '../../stores/app-info';
import { useNavigation } from '../../stores/navigation';

export function MappingsPage(): ReactElement {
  const connections = useAppInfo((s) => s.counts?.connections ?? 0);
  const go = useNavigation((s) => s.go);
  return (
    <Page title="Mappings" description="Which local fields go to which CRM fields, and which way each one syncs.">
      <Card>
        {connections === 0 ? (
          <EmptyState
            icon="mapping"
            title="Connect a CRM first"
            action={
              <Button variant="primary" icon="plug" onClick={() => go('connections')}>
                Open Connections
              </Button>
            }
          >
            <p>
              A mapping links each field of a ticket buyer (email, names, phone, company, totals, custom questions) to a
              field of the CRM&apos;s contacts. Once a CRM is connected, a sensible default mapping is ready to review here.
            </p>
          </EmptyState>
        ) : (
          <EmptyState icon="mapping" title="No mappings to review yet">
            <p>
              Each connected CRM gets a default mapping for its contacts: first name, last name and phone sync both ways,
              everything else goes from your ticketing data to the CRM. It will appear here for you to adjust.
            </p>
          </EmptyState>
        )}
      </Card>
    </Page>
  );
}
