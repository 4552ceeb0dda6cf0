import type { ReactElement } from 'react';
import { inlineParts } from '../../../../../shared/setup-guides';

/** Guide text with its two inline marks: `code` and **bold**. */
export function InlineText({ text }: { text: string }): ReactElement {
  return (
    <>
      {inlineParts(text).map((p, i) => (p.kind === 'code' ? <code key={i}>{p.text}</code> : p.kind === 'bold' ? <strong key={i}>{p.text}</strong> : <span key={i}>{p.text}</span>))}
    </>
  );
}
