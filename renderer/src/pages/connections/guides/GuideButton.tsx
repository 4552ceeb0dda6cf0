import { useEffect, useRef, useState, type ReactElement } from 'react';
import { Button } from '../../../components';
import { guideForProvider } from '../../../../../shared/setup-guides';
import { GuideDialog } from './GuideDialog';

/** "Setup guide" on a provider card, for providers that have one. */
export function GuideButton({ provider }: { provider: string }): ReactElement | null {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);

  // The dialog leaves the page instead of closing, so focus goes back to the button by hand,
  // once the dialog is gone (while a modal dialog is open, the rest of the page is inert).
  useEffect(() => {
    if (open) wasOpen.current = true;
    else if (wasOpen.current) {
      wasOpen.current = false;
      button.current?.focus();
    }
  }, [open]);

  const guide = guideForProvider(provider);
  if (!guide) return null;
  return (
    <>
      <Button ref={button} variant="ghost" size="sm" icon="info" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Setup guide
      </Button>
      {open && <GuideDialog guide={guide} onClose={() => setOpen(false)} />}
    </>
  );
}
