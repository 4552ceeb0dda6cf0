import type { ReactElement, ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

interface StatProps {
  label: string;
  value: number | null;
  icon: IconName;
  hint?: ReactNode;
}

/** One figure on a dashboard card; shows a placeholder until the number arrives. */
export function Stat({ label, value, icon, hint }: StatProps): ReactElement {
  return (
    <div className="stat" role="group" aria-label={label}>
      <div className="stat-head">
        <span className="stat-label">{label}</span>
        <span className="stat-icon">
          <Icon name={icon} size={16} />
        </span>
      </div>
      <div className="stat-value">{value === null ? <span className="skeleton skeleton-text" /> : value.toLocaleString()}</div>
      {hint && <div className="stat-hint">{hint}</div>}
    </div>
  );
}
