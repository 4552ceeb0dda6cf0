import type { ReactElement, SelectHTMLAttributes } from 'react';
import { Icon } from './Icon';
import { cx } from './cx';

export interface SelectOption<V extends string> {
  value: V;
  label: string;
}

interface SelectProps<V extends string> extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> {
  value: V;
  options: SelectOption<V>[];
  onChange: (value: V) => void;
}

/** A native select (keyboard and screen-reader behaviour for free) styled like the other inputs. */
export function Select<V extends string>({ value, options, onChange, className, ...rest }: SelectProps<V>): ReactElement {
  return (
    <div className={cx('select', className)}>
      <select className="input select-input" value={value} onChange={(e) => onChange(e.target.value as V)} {...rest}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Icon name="chevronDown" size={14} className="select-chevron" />
    </div>
  );
}
