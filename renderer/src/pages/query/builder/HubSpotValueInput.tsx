import type { ReactElement } from 'react';
import type { QueryFieldInfo } from '../../../../../shared/ipc/channels/query';
import { Select } from '../../../components';
import { toLocalInput } from './dates';
import { fieldKind } from './field-kinds';
import { ChoiceChips, NumberBox, Segmented, TokenInput, isNumberText } from './inputs';

/**
 * The builder's type-aware inputs for HubSpot's search, whose values are strings: picklist
 * options as choices, numbers, true/false, and dates as HubSpot wants them (epoch
 * milliseconds: midnight UTC for a date property, the local moment for a date-time one).
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** A HubSpot date value (epoch ms, or an ISO date typed in the JSON) as YYYY-MM-DD. */
function dateText(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) return value.slice(0, 10);
  if (!/^\d+$/.test(value)) return '';
  const d = new Date(Number(value));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function dateTimeText(value: string): string {
  if (/^\d+$/.test(value)) return toLocalInput(new Date(Number(value)).toISOString());
  return /^\d{4}-\d{2}-\d{2}T/.test(value) ? toLocalInput(value) : '';
}

interface ValueProps {
  field?: QueryFieldInfo;
  value: string;
  onChange: (value: string) => void;
  label: string;
}

export function HubSpotValueInput({ field, value, onChange, label }: ValueProps): ReactElement {
  const kind = fieldKind(field);
  if (field?.picklist?.length && kind !== 'boolean') {
    const known = field.picklist.some((p) => p.value === value);
    return <Select value={value} options={[{ value: '', label: 'Choose…' }, ...field.picklist, ...(value && !known ? [{ value, label: value }] : [])]} onChange={onChange} aria-label={label} />;
  }
  switch (kind) {
    case 'number':
      return <NumberBox label={label} value={value} onChange={onChange} placeholder="A number" />;
    case 'boolean':
      return (
        <Segmented
          label={label}
          size="sm"
          value={value === 'false' ? 'false' : 'true'}
          options={[
            { value: 'true', label: 'True' },
            { value: 'false', label: 'False' },
          ]}
          onChange={onChange}
        />
      );
    case 'date':
      return <input className="input" type="date" aria-label={label} value={dateText(value)} onChange={(e) => onChange(e.target.value ? String(Date.parse(`${e.target.value}T00:00:00Z`)) : '')} />;
    case 'datetime':
      return <input className="input" type="datetime-local" aria-label={label} value={dateTimeText(value)} onChange={(e) => onChange(e.target.value ? String(new Date(e.target.value).getTime()) : '')} />;
    default:
      return <input className="input" aria-label={label} value={value} onChange={(e) => onChange(e.target.value)} />;
  }
}

interface ValuesProps {
  field?: QueryFieldInfo;
  values: string[];
  onChange: (values: string[]) => void;
  label: string;
}

/** Several values (IN, NOT_IN): the options as toggles, or typed one by one. */
export function HubSpotValuesInput({ field, values, onChange, label }: ValuesProps): ReactElement {
  if (field?.picklist?.length) return <ChoiceChips label={label} choices={field.picklist} values={values} onChange={onChange} />;
  const numeric = fieldKind(field) === 'number';
  return <TokenInput label={label} values={values} onChange={onChange} accept={numeric ? isNumberText : undefined} />;
}
