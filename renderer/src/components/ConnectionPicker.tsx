import type { ReactElement } from 'react';
import type { ConnectionView } from '../../../shared/ipc/channels/connections';
import { Icon } from './Icon';
import { cx } from './cx';
import './connection-picker.css';

/** Where a connection lives, as people tell two of them apart: org name, else API host, else org id. */
export function connectionOrg(c: ConnectionView): string {
  if (c.orgName) return c.orgName;
  if (c.instanceUrl) {
    try {
      return new URL(c.instanceUrl).host;
    } catch {
      return c.instanceUrl;
    }
  }
  return c.orgId ?? '';
}

const STATUS_NOTE: Record<ConnectionView['status'], string> = { connected: '', needs_reconnect: 'needs reconnect', disconnected: 'disconnected' };

/** One line per connection in the list: label, CRM and org, so two orgs of one CRM never look alike. */
export const connectionOptionText = (c: ConnectionView): string =>
  [c.label, c.providerName, connectionOrg(c), STATUS_NOTE[c.status]].filter(Boolean).join(' · ');

interface ConnectionPickerProps {
  connections: ConnectionView[];
  value: string | null;
  onChange: (connectionId: string) => void;
  /** The accessible name of the control (default "Connection"). */
  label?: string;
  className?: string;
}

/**
 * The connection a page acts on, always in view: its label, CRM and org, with a switcher to the
 * others. A native select lies over the summary, so keyboard, screen readers and the OS list
 * behave as for any select.
 */
export function ConnectionPicker({ connections, value, onChange, label = 'Connection', className }: ConnectionPickerProps): ReactElement {
  const current = connections.find((c) => c.id === value) ?? null;
  const org = current ? connectionOrg(current) : '';
  const several = connections.length > 1;
  return (
    <div
      className={cx('connection-picker', several && 'connection-picker-switchable', current && current.status !== 'connected' && 'connection-picker-warning', className)}
      title={current ? [current.label, current.providerName, org, current.user, current.id].filter(Boolean).join(' · ') : undefined}
      data-connection={current?.id}
    >
      <span className="connection-picker-provider">{current?.providerName ?? 'No connection'}</span>
      <span className="connection-picker-text" aria-hidden="true">
        <span className="connection-picker-label">{current?.label ?? 'Pick a connection'}</span>
        {(org || (current && current.status !== 'connected')) && (
          <span className="connection-picker-org">{[org, current ? STATUS_NOTE[current.status] : ''].filter(Boolean).join(' · ')}</span>
        )}
      </span>
      {several && <Icon name="chevronDown" size={14} className="connection-picker-chevron" />}
      <select className="connection-picker-select" aria-label={label} value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        {!current && <option value="">Pick a connection</option>}
        {connections.map((c) => (
          <option key={c.id} value={c.id}>
            {connectionOptionText(c)}
          </option>
        ))}
      </select>
    </div>
  );
}
