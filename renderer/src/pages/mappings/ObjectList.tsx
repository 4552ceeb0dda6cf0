import type { ReactElement } from 'react';
import type { ObjectStatusView } from '../../../../shared/ipc/channels/mappings';
import { Badge, Select, Spinner, cx } from '../../components';

interface ObjectListProps {
  objects: ObjectStatusView[] | null;
  error: string | null;
  current: string | null;
  dirty: boolean;
  onSelect: (object: string) => void;
}

const kindLabels: Record<string, string> = { person: 'Ticket buyers', order: 'Orders', company: 'Companies' };

/** The connection's mapped objects in push order, and every other object one can start mapping. */
export function ObjectList({ objects, error, current, dirty, onSelect }: ObjectListProps): ReactElement {
  if (!objects) return <Spinner label="Reading the CRM’s objects" />;
  if (error) return <p className="muted">No objects to show.</p>;
  const mapped = objects.filter((o) => o.source !== 'none' || o.object === current);
  const others = objects.filter((o) => o.source === 'none' && o.object !== current);
  return (
    <nav className="object-list" aria-label="CRM objects">
      <ul>
        {mapped.map((o) => {
          const active = o.object === current;
          return (
            <li key={o.object}>
              <button type="button" className={cx('object-item', active && 'is-active')} aria-current={active ? 'true' : undefined} onClick={() => onSelect(o.object)}>
                <span className="object-item-head">
                  <span className="object-item-label">{o.label}</span>
                  {active && dirty ? (
                    <Badge tone="warning" dot>
                      edited
                    </Badge>
                  ) : o.errors ? (
                    <Badge tone="danger">
                      {o.errors} {o.errors === 1 ? 'error' : 'errors'}
                    </Badge>
                  ) : o.enabled === false ? (
                    <Badge>off</Badge>
                  ) : null}
                </span>
                <span className="object-item-meta">
                  <span className="mono">{o.object}</span>
                  <span aria-hidden="true"> · </span>
                  {o.localKind ? (kindLabels[o.localKind] ?? o.localKind) : 'not mapped'}
                  <span aria-hidden="true"> · </span>
                  {o.source === 'saved' ? 'saved' : o.source === 'default' ? 'default' : 'new'}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {others.length > 0 && (
        <div className="object-more">
          <Select
            aria-label="Map another object"
            value=""
            options={[{ value: '', label: 'Map another object…' }, ...others.map((o) => ({ value: o.object, label: o.label === o.object ? o.object : `${o.label} (${o.object})` }))]}
            onChange={(v) => v && onSelect(v)}
          />
        </div>
      )}
    </nav>
  );
}
