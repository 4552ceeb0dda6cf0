import type { ReactElement } from 'react';
import type { LocalKindView } from '../../../../shared/ipc/channels/mappings';
import { Icon, cx } from '../../components';
import { typeLabel } from './model';

interface LocalFieldSelectProps {
  id?: string;
  value: string;
  kind: LocalKindView | undefined;
  onChange: (name: string) => void;
  label?: string;
  describedBy?: string;
  invalid?: boolean;
  className?: string;
  /** A first, empty choice ("Insert a field…"). */
  placeholder?: string;
}

/** The local fields of one kind, standard ones first and the imported custom fields after. */
export function LocalFieldSelect({ id, value, kind, onChange, label, describedBy, invalid, className, placeholder }: LocalFieldSelectProps): ReactElement {
  const fields = kind?.fields ?? [];
  const standard = fields.filter((f) => !f.custom);
  const custom = fields.filter((f) => f.custom);
  const known = fields.some((f) => f.name === value) || (placeholder !== undefined && value === '');
  return (
    <div className={cx('select', className)}>
      <select id={id} className="input select-input" value={value} aria-label={label} aria-describedby={describedBy} aria-invalid={invalid || undefined} onChange={(e) => onChange(e.target.value)}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {!known && <option value={value}>{value} (unknown)</option>}
        <optgroup label={`${kind?.label ?? 'Local'} fields`}>
          {standard.map((f) => (
            <option key={f.name} value={f.name}>
              {f.label} ({typeLabel(f.type)}{f.writable ? '' : ', push only'})
            </option>
          ))}
        </optgroup>
        {custom.length > 0 && (
          <optgroup label="Custom fields from your imports">
            {custom.map((f) => (
              <option key={f.name} value={f.name}>
                {f.label} (custom)
              </option>
            ))}
          </optgroup>
        )}
      </select>
      <Icon name="chevronDown" size={14} className="select-chevron" />
    </div>
  );
}
