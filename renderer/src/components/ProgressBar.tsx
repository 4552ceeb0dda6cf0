import type { ReactElement } from 'react';
import { cx } from './cx';

interface ProgressBarProps {
  /** Omit for an indeterminate bar. */
  value?: number;
  max?: number;
  label: string;
  /** Text under the bar, e.g. "12,000 of 40,000 rows · 8,200 rows/s". */
  detail?: string;
  tone?: 'accent' | 'success' | 'danger';
}

export function ProgressBar({ value, max = 100, label, detail, tone = 'accent' }: ProgressBarProps): ReactElement {
  const pct = value === undefined || max <= 0 ? undefined : Math.max(0, Math.min(100, (value / max) * 100));
  return (
    <div className="progress">
      <div className="progress-head">
        <span className="progress-label">{label}</span>
        {pct !== undefined && <span className="progress-pct">{Math.floor(pct)}%</span>}
      </div>
      <div
        className={cx('progress-track', pct === undefined && 'progress-indeterminate')}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={value}
        aria-valuetext={detail}
      >
        <div className={`progress-fill progress-${tone}`} style={pct === undefined ? undefined : { width: `${pct}%` }} />
      </div>
      {detail && <div className="progress-detail">{detail}</div>}
    </div>
  );
}
