import { useRef, type KeyboardEvent, type ReactElement } from 'react';
import type { MappingDirection } from '../../../../shared/ipc/channels/mappings';
import { cx } from '../../components';
import { DIRECTIONS } from './model';

interface DirectionControlProps {
  value: MappingDirection;
  onChange: (d: MappingDirection) => void;
  /** Names the group for screen readers: "Direction of FirstName". */
  label: string;
  /** Directions that would be refused here (a formula field cannot be pushed); still choosable, marked. */
  discouraged?: MappingDirection[];
  /** Constants, templates and lookups only go to the CRM. */
  pushOnly?: boolean;
}

/** A segmented radio group: one tab stop, arrow keys move and choose, like native radios. */
export function DirectionControl({ value, onChange, label, discouraged = [], pushOnly }: DirectionControlProps): ReactElement {
  const ref = useRef<HTMLDivElement>(null);
  const options = pushOnly ? DIRECTIONS.filter((d) => d.value === 'push') : DIRECTIONS;

  const move = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const i = options.findIndex((o) => o.value === value);
    const next = options[(i + step + options.length) % options.length];
    onChange(next.value);
    ref.current?.querySelectorAll<HTMLButtonElement>('[role="radio"]')[options.indexOf(next)]?.focus();
  };

  return (
    <div ref={ref} className="direction" role="radiogroup" aria-label={label} onKeyDown={move}>
      {options.map((o) => {
        const selected = o.value === value;
        const warn = discouraged.includes(o.value);
        return (
          <button
            key={o.value}
            type="button"
            role="radio"
            aria-checked={selected}
            tabIndex={selected ? 0 : -1}
            title={warn ? `${o.help}. Not possible for this field.` : o.help}
            className={cx('direction-option', selected && 'is-selected', warn && 'is-discouraged')}
            onClick={(e) => {
              e.stopPropagation();
              onChange(o.value);
            }}
          >
            <span aria-hidden="true" className="direction-arrow">
              {o.arrow}
            </span>
            {o.label}
          </button>
        );
      })}
    </div>
  );
}
