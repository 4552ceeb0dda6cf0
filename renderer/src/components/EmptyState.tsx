import type { ReactElement, ReactNode } from 'react';
import { Icon, type IconName } from './Icon';
import { cx } from './cx';

interface EmptyStateProps {
  icon: IconName;
  title: string;
  /** One or two sentences: what will appear here and what to do first. */
  children: ReactNode;
  /** Usually one primary Button saying what to do next. */
  action?: ReactNode;
  compact?: boolean;
}

export function EmptyState({ icon, title, children, action, compact }: EmptyStateProps): ReactElement {
  return (
    <div className={cx('empty', compact && 'empty-compact')} role="status" aria-label={title}>
      <div className="empty-icon">
        <Icon name={icon} size={compact ? 20 : 26} />
      </div>
      <h2 className="empty-title">{title}</h2>
      <div className="empty-text">{children}</div>
      {action && <div className="empty-actions">{action}</div>}
    </div>
  );
}
