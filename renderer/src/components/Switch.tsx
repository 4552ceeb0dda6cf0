import type { ReactElement } from 'react';
import { cx } from './cx';

interface SwitchProps {
  id?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  /** Needed when no <label htmlFor> names the switch. */
  label?: string;
  describedBy?: string;
}

export function Switch({ id, checked, onChange, disabled, label, describedBy }: SwitchProps): ReactElement {
  return (
    <button
      id={id}
      type="button"
      role="switch"
      aria-checked={checked}
      aria-label={label}
      aria-describedby={describedBy}
      disabled={disabled}
      className={cx('switch', checked && 'switch-on')}
      onClick={() => onChange(!checked)}
    >
      <span className="switch-thumb" aria-hidden="true" />
    </button>
  );
}
