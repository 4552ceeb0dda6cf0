import type { StoreCounts } from '../../../../shared/ipc/channels/app';
import type { PageId } from '../../stores/navigation';

export interface NextStep {
  id: string;
  title: string;
  text: string;
  action: string;
  page: PageId;
  done: boolean;
  /** A step that needs an earlier one first. */
  blockedBy?: string;
}

/** The getting-started path, judged from what the local store holds. */
export function nextSteps(c: StoreCounts): NextStep[] {
  const connected = c.connections > 0;
  const imported = c.people > 0;
  return [
    {
      id: 'connect',
      title: 'Connect a CRM',
      text: 'Sign in to Salesforce, HubSpot or Pipedrive. Your tokens stay in the system keychain.',
      action: 'Open Connections',
      page: 'connections',
      done: connected,
    },
    {
      id: 'import',
      title: 'Import ticket buyers',
      text: 'Drop in a CSV export from Eventbrite, Ticket Tailor, Tito or any buyer list.',
      action: 'Import a CSV',
      page: 'import',
      done: imported,
    },
    {
      id: 'map',
      title: 'Check the field mapping',
      text: 'Decide which local fields go to which CRM fields, and which way each one syncs.',
      action: 'Review mappings',
      page: 'mappings',
      done: false,
      blockedBy: connected ? undefined : 'Connect a CRM first',
    },
    {
      id: 'sync',
      title: 'Push buyers to your CRM',
      text: 'Send new and changed people to the CRM and pull back edits made there.',
      action: 'Open Sync',
      page: 'sync',
      done: false,
      blockedBy: !connected ? 'Connect a CRM first' : !imported ? 'Import ticket buyers first' : undefined,
    },
  ];
}
