import { useState, type ReactElement } from 'react';
import { Button, Card, Modal, toast } from '../../components';
import { DEMO_COMMAND } from './demo-offer';
import './try-demo.css';

/**
 * The way into demo mode from an empty app. The demo runs as its own process with its own data
 * folder and in-memory tokens, so it is started from a terminal rather than by turning this
 * window's store and keychain into demo ones; the dialog gives the exact command.
 */
export function TryDemoCard(): ReactElement {
  const [open, setOpen] = useState(false);
  const copy = (): void => {
    navigator.clipboard.writeText(DEMO_COMMAND).then(
      () => toast.success('Command copied.'),
      () => toast.error('Could not copy to the clipboard; select the command and copy it by hand.'),
    );
  };
  return (
    <Card
      title="Try it with demo data"
      description="No CRM account needed: sample ticket exports and demo Salesforce and HubSpot accounts that run on this computer."
      actions={
        <Button variant="primary" icon="sparkles" onClick={() => setOpen(true)}>
          Try with demo data
        </Button>
      }
    >
      <p className="muted">
        The demo opens a separate copy of the app, labelled Demo, with three events’ Eventbrite exports already imported and both demo CRMs
        connected. It keeps its own data folder, so nothing you have here changes.
      </p>
      <Modal
        open={open}
        title="Start the demo"
        onClose={() => setOpen(false)}
        footer={
          <>
            <Button onClick={() => setOpen(false)}>Done</Button>
            <Button variant="primary" icon="copy" onClick={copy}>
              Copy command
            </Button>
          </>
        }
      >
        <div className="demo-steps">
          <p>The demo runs as its own process, so this window and your data stay as they are. In a terminal, in the Ticket CRM Sync project folder, run:</p>
          <p className="demo-command">
            <code aria-label="Demo command">{DEMO_COMMAND}</code>
          </p>
          <p>
            It starts local demo Salesforce and HubSpot accounts with sample data, imports the sample exports, and prints a link: open it in
            your browser. Everything there carries a Demo label, and its sign-ins stay in memory, never in your keychain. Press Ctrl+C in the
            terminal to stop it.
          </p>
        </div>
      </Modal>
    </Card>
  );
}
