import { useEffect, useRef, type ReactElement, type ReactNode } from 'react';
import { cx } from './cx';

const APP_TITLE = 'Ticket CRM Sync';

interface PageProps {
  title: string;
  description?: ReactNode;
  /** Buttons and filters at the right of the title. */
  actions?: ReactNode;
  /** Pages with a table that fills the window scroll inside the table, not the page. */
  fill?: boolean;
  children: ReactNode;
}

/**
 * Every page's frame: one h1 (focused when the page opens, so keyboard and screen-reader users
 * start at the top of the new page) and the window title.
 */
export function Page({ title, description, actions, fill, children }: PageProps): ReactElement {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = title === 'Home' ? APP_TITLE : `${title} · ${APP_TITLE}`;
    heading.current?.focus({ preventScroll: true });
  }, [title]);

  return (
    <div className={cx('page', fill && 'page-fill')}>
      <header className="page-head">
        <div className="page-titles">
          <h1 className="page-title" ref={heading} tabIndex={-1}>
            {title}
          </h1>
          {description && <p className="page-description">{description}</p>}
        </div>
        {actions && <div className="page-actions">{actions}</div>}
      </header>
      <div className="page-body">{children}</div>
    </div>
  );
}
