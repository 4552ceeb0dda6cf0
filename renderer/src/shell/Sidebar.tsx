import type { ReactElement } from 'react';
import { Icon } from '../components/Icon';
import { cx } from '../components/cx';
import { useNavigation, type PageId } from '../stores/navigation';
import { useAppInfo } from '../stores/app-info';
import type { StoreCounts } from '../../../shared/ipc/channels/app';
import { pages } from './pages';

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);

/** The figure shown next to a page's name, when there is one worth showing. */
const countFor = (id: PageId, c: StoreCounts | null): number | null => {
  if (!c) return null;
  if (id === 'people') return c.people > 0 ? c.people : null;
  if (id === 'sync') return c.queuePending > 0 ? c.queuePending : null;
  return null;
};

export function Sidebar(): ReactElement {
  const current = useNavigation((s) => s.page);
  const go = useNavigation((s) => s.go);
  const counts = useAppInfo((s) => s.counts);
  const info = useAppInfo((s) => s.info);

  return (
    <nav className="sidebar" aria-label="Main">
      <ul className="nav-list">
        {pages.map((p, i) => {
          const count = countFor(p.id, counts);
          return (
            <li key={p.id}>
              <a
                href={`#/${p.id}`}
                className={cx('nav-item', current === p.id && 'nav-item-current')}
                aria-current={current === p.id ? 'page' : undefined}
                aria-keyshortcuts={`Alt+${i + 1}`}
                title={`${p.label} (${isMac ? '⌥' : 'Alt+'}${i + 1})`}
                onClick={(e) => {
                  e.preventDefault();
                  go(p.id);
                }}
              >
                <Icon name={p.icon} size={17} className="nav-icon" />
                <span className="nav-label">{p.label}</span>
                {count !== null && <span className="nav-count">{count.toLocaleString()}</span>}
              </a>
            </li>
          );
        })}
      </ul>
      <div className="sidebar-foot">
        <span>{info ? `Version ${info.version}` : ' '}</span>
        <span className="sidebar-hint">
          <kbd>{isMac ? '⌥' : 'Alt'}</kbd> + <kbd>1–9</kbd> to switch pages
        </span>
      </div>
    </nav>
  );
}
