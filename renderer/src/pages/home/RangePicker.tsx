import type { ReactElement } from 'react';
import { DASHBOARD_RANGES, type DashboardRange } from '../../../../shared/ipc/channels/dashboard';
import { cx } from '../../components';

/** 7 / 30 / 90 days as one radio group (arrow keys move the choice, as native radios do). */
export function RangePicker({ value, onChange }: { value: DashboardRange; onChange: (r: DashboardRange) => void }): ReactElement {
  return (
    <div className="dash-range" role="radiogroup" aria-label="Range">
      {DASHBOARD_RANGES.map((r) => (
        <label key={r} className={cx('dash-range-option', r === value && 'is-selected')}>
          <input className="sr-only" type="radio" name="dashboard-range" value={r} checked={r === value} onChange={() => onChange(r)} />
          {r} days
        </label>
      ))}
    </div>
  );
}
