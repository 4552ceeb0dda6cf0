import { useEffect, useRef, useState, type ReactElement } from 'react';
import { Button } from '../../../components';
import type { GuideValue } from '../../../../../shared/setup-guides';
import { copyText } from './copy-text';

type CopyState = 'idle' | 'copied' | 'failed';

/** An exact value with a copy button; says "Copied" for a moment, to the eye and to screen readers. */
export function CopyValue({ label, value }: GuideValue): ReactElement {
  const [state, setState] = useState<CopyState>('idle');
  const ref = useRef<HTMLButtonElement>(null);
  const name = label ?? value;

  useEffect(() => {
    if (state === 'idle') return;
    const t = setTimeout(() => setState('idle'), 2500);
    return () => clearTimeout(t);
  }, [state]);

  const copy = async (): Promise<void> => setState((await copyText(value, ref.current)) ? 'copied' : 'failed');

  return (
    <div className="guide-value" data-state={state}>
      {label !== undefined && <span className="guide-value-label">{label}</span>}
      <code className="guide-value-code">{value}</code>
      <Button ref={ref} size="sm" variant="ghost" icon={state === 'copied' ? 'check' : 'copy'} aria-label={`${state === 'copied' ? 'Copied' : 'Copy'} ${name}`} onClick={() => void copy()}>
        {state === 'copied' ? 'Copied' : 'Copy'}
      </Button>
      <span className="sr-only" role="status">
        {state === 'copied' ? `${name} copied to the clipboard` : ''}
      </span>
      {state === 'failed' && <span className="guide-value-failed">Could not copy: select the value and press Ctrl+C (⌘C on a Mac).</span>}
    </div>
  );
}
