import type { ReactElement } from 'react';
import { Button, Card, EmptyState, Page } from '../../components';
import { useAppInfo } from '../../stores/app-info';
import { useNavigation } from '../../stores/navigation';

/** Placeholder until the import feature lands (it replaces this folder). */
export function ImportPage(): ReactElement {
  const people = useAppInfo((s) => s.counts?.people ?? 0);
  const go = useNavigation((s) => s.go);
  return (
    <Page title="Import" description="Bring attendees and orders in from your ticketing platform's CSV exports.">
      <Card>
        <EmptyState
          icon="upload"
          title="Import a ticketing export"
          action={
            people > 0 ? (
              <Button variant="primary" icon="users" onClick={() => go('people')}>
                See your {people.toLocaleString()} people
              </Button>
            ) : undefined
          }
        >
          <p>
            Exports from Eventbrite, Ticket Tailor, Tito or any buyer list work. You will see a preview of the rows and
            the proposed column mapping before anything is written, and re-importing a file never creates duplicates.
          </p>
        </EmptyState>
      </Card>
    </Page>
  );
}
