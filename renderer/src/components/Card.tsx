import { useId, type HTMLAttributes, type ReactElement, type ReactNode } from 'react';
import { cx } from './cx';

interface CardProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
  title?: ReactNode;
  description?: ReactNode;
  /** Buttons shown at the right of the card's title row. */
  actions?: ReactNode;
  /** Drops the body padding, for tables that run edge to edge. */
  flush?: boolean;
}

/** A titled surface; a card with a title is a labelled region so tests and screen readers can find it. */
export function Card({ title, description, actions, flush, className, children, ...rest }: CardProps): ReactElement {
  const hasHead = title !== undefined || actions !== undefined;
  const titleId = useId();
  return (
    <section className={cx('card', className)} aria-labelledby={title !== undefined ? titleId : undefined} {...rest}>
      {hasHead && (
        <header className="card-head">
          <div className="card-titles">
            {title !== undefined && (
              <h2 id={titleId} className="card-title">
                {title}
              </h2>
            )}
            {description !== undefined && <p className="card-description">{description}</p>}
          </div>
          {actions !== undefined && <div className="card-actions">{actions}</div>}
        </header>
      )}
      <div className={cx('card-body', flush && 'card-body-flush')}>{children}</div>
    </section>
  );
}
