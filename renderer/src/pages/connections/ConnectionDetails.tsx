import type { ReactElement } from 'react';
import { Badge, ProgressBar, type BadgeTone } from '../../components';
import { formatDateTime } from '../../lib/format';
import type { ConnectionView } from '../../../../shared/ipc/channels/connections';

const STATUS: Record<ConnectionView['status'], { label: string; tone: BadgeTone }> = {
  connected: { label: 'Connected', tone: 'success' },
  needs_reconnect: { label: 'Needs reconnect', tone: 'warning' },
  disconnected: { label: 'Disconnected', tone: 'neutral' },
};

export const StatusBadge = ({ status }: { status: ConnectionView['status'] }): ReactElement => (
  <Badge tone={STATUS[status].tone} dot>
    {STATUS[status].label}
  </Badge>
);

const count = new Intl.NumberFormat();

function UsageBar({ usage }: { usage: NonNullable<ConnectionView['usage']> }): ReactElement {
  const pct = usage.max > 0 ? usage.used / usage.max : 0;
  const period = usage.period === 'day' ? 'today' : `in the last ${Math.round((usage.windowMs ?? 10_000) / 1000)} s`;
  return (
    <ProgressBar
      label="API usage"
      value={usage.used}
      max={usage.max}
      tone={pct >= 0.9 ? 'danger' : 'accent'}
      detail={`${count.format(usage.used)} of ${count.format(usage.max)} requests ${period} · as of ${formatDateTime(usage.observedAt)}`}
    />
  );
}

/** Who is connected where, how much API budget is used, when it last synced. */
export function ConnectionDetails({ connection: c }: { connection: ConnectionView }): ReactElement {
  const rows: Array<[string, string]> = [];
  if (c.user) rows.push(['User', c.user]);
  if (c.orgName || c.orgId) rows.push(['Organization', [c.orgName, c.orgId].filter(Boolean).join(' · ')]);
  for (const d of c.details) if (!rows.some(([, v]) => v.includes(d.value))) rows.push([d.label, d.value]);
  rows.push(['Signed in with', c.authKind === 'oauth' ? 'Browser sign-in (refreshes by itself)' : 'Pasted token']);
  rows.push(['Last sync', c.lastSyncAt ? formatDateTime(c.lastSyncAt) : 'Never']);
  return (
    <div className="connection-details">
      <dl className="connection-facts">
        {rows.map(([k, v]) => (
          <div key={k} className="connection-fact">
            <dt>{k}</dt>
            <dd className={/^https?:\/\/|^[0-9A-Za-z]{15,18}$/.test(v) ? 'mono' : undefined}>{v}</dd>
          </div>
        ))}
      </dl>
      {c.usage && c.status !== 'disconnected' && <UsageBar usage={c.usage} />}
    </div>
  );
}
