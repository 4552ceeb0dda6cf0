import { useEffect, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import { Icon, cx } from '../../../components';
import './builder.css';

/**
 * Small inputs the builders share: toggle chips for picklist values, a token box for free
 * lists, a segmented choice, a number box that keeps what is being typed.
 */

export interface Choice {
  value: string;
  label: string;
}

interface ChoiceChipsProps {
  label: string;
  choices: Choice[];
  values: string[];
  onChange: (values: string[]) => void;
}

/** Picklist values as toggles: several can be on (IN, INCLUDES). */
export function ChoiceChips({ label, choices, values, onChange }: ChoiceChipsProps): ReactElement {
  const on = new Set(values);
  // Values written by hand that the picklist does not have stay visible (and removable).
  const extra = values.filter((v) => !choices.some((c) => c.value === v)).map((v) => ({ value: v, label: v }));
  return (
    <div className="choice-chips" role="group" aria-label={label}>
      {[...choices, ...extra].map((c) => (
        <button
          key={c.value}
          type="button"
          className={cx('choice-chip', on.has(c.value) && 'is-on')}
          aria-pressed={on.has(c.value)}
          title={c.label === c.value ? undefined : c.value}
          onClick={() => onChange(on.has(c.value) ? values.filter((v) => v !== c.value) : [...values, c.value])}
        >
          {on.has(c.value) && <Icon name="check" size={12} />}
          {c.label}
        </button>
      ))}
    </div>
  );
}

interface TokenInputProps {
  label: string;
  values: string[];
  onChange: (values: string[]) => void;
  placeholder?: string;
  /** Refuses tokens that fail it (numbers only, say). */
  accept?: (token: string) => boolean;
}

/** A list typed one value at a time: Enter or comma adds, Backspace in the empty box removes the last. */
export function TokenInput({ label, values, onChange, placeholder = 'Type a value, press Enter', accept = () => true }: TokenInputProps): ReactElement {
  const [draft, setDraft] = useState('');
  const [bad, setBad] = useState(false);
  const add = (text: string): boolean => {
    const tokens = text.split(/[,\n]/).map((t) => t.trim()).filter(Boolean);
    if (tokens.length === 0) return false;
    if (!tokens.every(accept)) {
      setBad(true);
      return false;
    }
    onChange([...values, ...tokens.filter((t) => !values.includes(t))]);
    setDraft('');
    setBad(false);
    return true;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if ((e.key === 'Enter' || e.key === ',') && draft.trim()) {
      e.preventDefault();
      add(draft);
    } else if (e.key === 'Backspace' && !draft && values.length) {
      onChange(values.slice(0, -1));
    }
  };
  return (
    <div className={cx('token-input', bad && 'is-bad')}>
      {values.map((v) => (
        <span key={v} className="chip">
          {v}
          <button type="button" aria-label={`Remove ${v}`} onClick={() => onChange(values.filter((x) => x !== v))}>
            <Icon name="close" size={12} />
          </button>
        </span>
      ))}
      <input
        className="token-input-box"
        aria-label={label}
        aria-invalid={bad || undefined}
        value={draft}
        placeholder={values.length ? '' : placeholder}
        onChange={(e) => {
          setDraft(e.target.value);
          setBad(false);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => draft.trim() && add(draft)}
        onPaste={(e) => {
          const text = e.clipboardData.getData('text');
          if (/[,\n]/.test(text)) {
            e.preventDefault();
            add(text);
          }
        }}
      />
    </div>
  );
}

interface SegmentedProps<V extends string> {
  label: string;
  options: Array<{ value: V; label: string }>;
  value: V;
  onChange: (value: V) => void;
  size?: 'sm';
}

/** One of a few choices side by side (a radio group): ←/→ move and choose. */
export function Segmented<V extends string>({ label, options, value, onChange, size }: SegmentedProps<V>): ReactElement {
  const ref = useRef<HTMLDivElement>(null);
  const move = (e: KeyboardEvent) => {
    const i = options.findIndex((o) => o.value === value);
    const j = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? i + 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? i - 1 : null;
    if (j === null) return;
    e.preventDefault();
    const next = options[(j + options.length) % options.length];
    onChange(next.value);
    ref.current?.querySelectorAll<HTMLButtonElement>('[role="radio"]')[(j + options.length) % options.length]?.focus();
  };
  return (
    <div ref={ref} className={cx('segmented', size === 'sm' && 'is-sm')} role="radiogroup" aria-label={label} onKeyDown={move}>
      {options.map((o) => (
        <button key={o.value} type="button" role="radio" aria-checked={o.value === value} tabIndex={o.value === value ? 0 : -1} className={cx('segment', o.value === value && 'is-on')} onClick={() => onChange(o.value)}>
          {o.label}
        </button>
      ))}
    </div>
  );
}

const NUMBER = /^-?\d+(\.\d+)?$/;
export const isNumberText = (t: string): boolean => NUMBER.test(t.trim());

interface NumberBoxProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  className?: string;
  /** Whole numbers only (limits, the n of LAST_N_DAYS). */
  whole?: boolean;
}

/**
 * A number typed as text: half-typed input ("1.", "-") stays in the box and is marked, and only a
 * whole number reaches the query (an empty box means "no value").
 */
export function NumberBox({ label, value, onChange, placeholder, className, whole }: NumberBoxProps): ReactElement {
  const [text, setText] = useState(value);
  useEffect(() => {
    setText((t) => (t.trim() === value ? t : value));
  }, [value]);
  const valid = (t: string) => (whole ? /^\d+$/.test(t.trim()) : isNumberText(t));
  return (
    <input
      className={cx('input', className)}
      inputMode={whole ? 'numeric' : 'decimal'}
      aria-label={label}
      aria-invalid={text.trim() !== '' && !valid(text) ? true : undefined}
      placeholder={placeholder}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const t = e.target.value.trim();
        if (t === '' || valid(t)) onChange(t);
      }}
    />
  );
}
