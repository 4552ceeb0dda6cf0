import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactElement, type RefObject } from 'react';
import { Icon, cx } from '../../../components';
import './builder.css';

export interface ComboOption {
  key: string;
  label: string;
  /** Secondary text: the API name or path. */
  detail?: string;
  /** Right-aligned: the field's type. */
  hint?: string;
  /** Opens a nested list (a relationship's fields) instead of picking. */
  drill?: boolean;
}

interface ComboboxProps {
  /** The accessible name. */
  label: string;
  /** What the closed box shows. */
  display: string;
  placeholder?: string;
  /** Undefined while the options load. */
  options: ComboOption[] | undefined;
  /** Where a nested list is (Contact › Account), shown above it. */
  crumbs?: string[];
  onPick: (option: ComboOption) => void;
  onDrill?: (option: ComboOption) => void;
  /** Back up one nested level (Backspace or ← in an empty box). */
  onUp?: () => void;
  /** The list closed (picked, Escape, focus left). */
  onClosed?: () => void;
  className?: string;
  mono?: boolean;
  /** Takes focus with the list open when it appears (a filter just added). */
  autoOpen?: boolean;
}

const MAX_SHOWN = 300;

function rank(options: ComboOption[], query: string): ComboOption[] {
  const q = query.trim().toLowerCase();
  if (!q) return options.slice(0, MAX_SHOWN);
  const scored: Array<[number, ComboOption]> = [];
  for (const o of options) {
    const label = o.label.toLowerCase();
    const detail = (o.detail ?? '').toLowerCase();
    const score = label.startsWith(q) || detail.startsWith(q) ? 0 : detail.split('.').some((p) => p.startsWith(q)) ? 1 : label.includes(q) || detail.includes(q) ? 2 : -1;
    if (score >= 0) scored.push([score, o]);
  }
  return scored
    .sort((a, b) => a[0] - b[0])
    .slice(0, MAX_SHOWN)
    .map(([, o]) => o);
}

/** Where the list goes: under the box (above when there is no room), fixed so scrolling panels do not clip it. */
function usePopupPlace(anchor: RefObject<HTMLElement | null>, open: boolean) {
  const [place, setPlace] = useState<{ top: number; left: number; width: number; maxHeight: number } | null>(null);
  useLayoutEffect(() => {
    if (!open) return;
    const measure = () => {
      const r = anchor.current?.getBoundingClientRect();
      if (!r) return;
      const below = window.innerHeight - r.bottom - 12;
      const above = r.top - 12;
      const up = below < 220 && above > below;
      const maxHeight = Math.min(320, up ? above : below);
      const width = Math.max(r.width, 300);
      const left = Math.min(r.left, window.innerWidth - width - 8);
      setPlace({ top: up ? r.top - maxHeight - 4 : r.bottom + 4, left, width, maxHeight });
    };
    measure();
    window.addEventListener('resize', measure);
    window.addEventListener('scroll', measure, true);
    return () => {
      window.removeEventListener('resize', measure);
      window.removeEventListener('scroll', measure, true);
    };
  }, [anchor, open]);
  return place;
}

/**
 * A searchable list in a box (WAI-ARIA combobox): type to filter, ↑/↓ to move, Enter to pick,
 * → or Enter to open a nested list, ← or Backspace in an empty box to go back, Escape to close.
 */
export function Combobox({ label, display, placeholder, options, crumbs, onPick, onDrill, onUp, onClosed, className, mono, autoOpen }: ComboboxProps): ReactElement {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const shown = useMemo(() => rank(options ?? [], query), [options, query]);
  const place = usePopupPlace(input, open);
  const current = shown[Math.min(active, shown.length - 1)];

  useEffect(() => setActive(0), [query, options]);
  useEffect(() => {
    if (!autoOpen) return;
    input.current?.focus();
    setOpen(true);
    // Only when it appears.
  }, []);
  useEffect(() => {
    if (!open) return;
    list.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active, open]);

  const close = () => {
    setOpen(false);
    setQuery('');
    onClosed?.();
  };
  const choose = (o: ComboOption | undefined) => {
    if (!o) return;
    if (o.drill && onDrill) {
      onDrill(o);
      setQuery('');
      return;
    }
    onPick(o);
    close();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const caretAtStart = e.currentTarget.selectionStart === 0 && e.currentTarget.selectionEnd === 0;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!open) setOpen(true);
        else setActive((a) => Math.min(a + 1, shown.length - 1));
        return;
      case 'ArrowUp':
        e.preventDefault();
        setActive((a) => Math.max(a - 1, 0));
        return;
      case 'Home':
      case 'End':
        if (!open) return;
        e.preventDefault();
        setActive(e.key === 'Home' ? 0 : shown.length - 1);
        return;
      case 'Enter':
        if (!open) return;
        e.preventDefault();
        choose(current);
        return;
      case 'ArrowRight':
        if (open && current?.drill && e.currentTarget.selectionStart === query.length) {
          e.preventDefault();
          choose(current);
        }
        return;
      case 'ArrowLeft':
      case 'Backspace':
        if (open && crumbs?.length && query === '' && (e.key === 'Backspace' || caretAtStart)) {
          e.preventDefault();
          onUp?.();
        }
        return;
      case 'Escape':
        if (!open) return;
        e.preventDefault();
        e.stopPropagation();
        close();
        return;
      case 'Tab':
        if (open) close();
        return;
    }
  };

  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-opt-${i}`;
  return (
    <div className={cx('cbx', open && 'is-open', className)}>
      <input
        ref={input}
        className={cx('input cbx-input', mono && 'is-mono')}
        role="combobox"
        aria-label={label}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && current ? optionId(shown.indexOf(current)) : undefined}
        autoComplete="off"
        spellCheck={false}
        value={open ? query : display}
        placeholder={open ? display || placeholder : placeholder}
        onChange={(e) => {
          setQuery(e.target.value);
          if (!open) setOpen(true);
        }}
        onClick={() => !open && setOpen(true)}
        onKeyDown={onKeyDown}
        onBlur={() => open && close()}
      />
      <Icon name="chevronDown" size={14} className="cbx-chevron" />
      {open && place && (
        <div className="cbx-popup" style={{ top: place.top, left: place.left, width: place.width, maxHeight: place.maxHeight }} onMouseDown={(e) => e.preventDefault()}>
          {crumbs && crumbs.length > 1 && (
            <div className="cbx-crumbs">
              <button type="button" className="cbx-back" tabIndex={-1} aria-label="Back" onClick={() => onUp?.()}>
                <Icon name="chevronRight" size={13} className="cbx-back-icon" />
              </button>
              {crumbs.join(' › ')}
            </div>
          )}
          <ul ref={list} id={listId} role="listbox" aria-label={label} className="cbx-list">
            {shown.map((o, i) => (
              <li
                key={o.key}
                id={optionId(i)}
                data-index={i}
                role="option"
                aria-selected={o === current}
                className={cx('cbx-option', o === current && 'is-active', o.drill && 'is-drill')}
                onMouseMove={() => i !== active && setActive(i)}
                onClick={() => choose(o)}
              >
                <span className="cbx-option-label">{o.label}</span>
                {o.detail && <span className="cbx-option-detail">{o.detail}</span>}
                {o.hint && <span className="cbx-option-hint">{o.hint}</span>}
                {o.drill && <Icon name="chevronRight" size={14} className="cbx-option-drill" />}
              </li>
            ))}
          </ul>
          {options === undefined && <p className="cbx-note">Loading…</p>}
          {options !== undefined && shown.length === 0 && <p className="cbx-note">Nothing matches “{query}”.</p>}
        </div>
      )}
    </div>
  );
}
