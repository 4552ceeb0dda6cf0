import { useState, type ReactElement } from 'react';
import { Button } from '../../../components';
import { guideForProvider } from '../../../../../shared/setup-guides';
import { GuideDialog } from './GuideDialog';

/** "Setup guide" on a provider card, for providers that have one. */
export function GuideButton({ provider }: { provider: string }): ReactElement | null {
  const [open, setOpen] = useState(false);
  const guide = guideForProvider(provider);
  if (!guide) return null;
  return (
    <>
      <Button variant="ghost" size="sm" icon="info" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Setup guide
      </Button>
      {open && <GuideDialog guide={guide} onClose={() => setOpen(false)} />}
    </>
  );
}
