import { useCallback, useEffect, useMemo, useState, type ReactElement } from 'react';
import type { DesktopState, ScheduleView } from '../../../../shared/ipc/channels/schedule';
import type { ConnectionView } from '../../../../shared/ipc/channels/connections';
import { Badge, Button, Card, DataTable, EmptyState, FieldRow, Switch, toast, type BadgeTone, type Column } from '../../components';
import { api } from '../../api';
import { formatDateTime, formatRelative } from '../../lib/format';
import { ScheduleEditor } from './ScheduleEditor';
import { emptyForm, formOf, type ScheduleForm } from './schedule-form';

const outcomeTone: Record<string, BadgeTone> = { ok: 'success', partial: 'warning', failed: 'danger', cancelled: 'neutral', skipped: 'neutral' };
const outcomeLabel: Record<string, string> = { ok: 'OK', partial: 'Some failed', failed: 'Failed', cancelled: 'Stopped', skipped: 'Skipped' };

interface Data {
  schedules: ScheduleView[];
  defaultTimeZone: string;
  /** This app process runs schedules (the desktop app does; a plain browser host may not). */
  runnerActive: boolean;
  connections: ConnectionView[];
  desktop: DesktopState;
}

function useScheduleData(): { data: Data | null; reload: () => void } {
  const [data, setData] = useState<Data | null>(null);
  const reload = useCallback(() => {
    Promise.all([api.schedule.list({}), api.connections.list({}), api.schedule.desktop({})])
      .then(([list, connections, desktop]) => setData({ schedules: list.schedules, defaultTimeZone: list.defaultTimeZone, runnerActive: list.runnerActive, connections, desktop }))
      .catch(() => undefined);
  }, []);
  useEffect(() => {
    reload();
    // Runs start and end on their own: keep the list current.
    return api.on.scheduleRun(() => reload());
  }, [reload]);
  return { data, reload };
}

function LastRun({ s }: { s: ScheduleView }): ReactElement {
  if (s.running) return <Badge tone="info" dot>Running</Badge>;
  if (!s.lastRun) return <span className="muted">Not yet</span>;
  return (
    <span title={s.lastRun.message}>
      <Badge tone={outcomeTone[s.lastRun.outcome]} dot>
        {outcomeLabel[s.lastRun.outcome]}
      </Badge>{' '}
      <span className="muted">{formatRelative(s.lastRun.finishedAt ?? s.lastRun.startedAt)}</span>
    </span>
  );
}

function columns(actions: { edit: (s: ScheduleView) => void; toggle: (s: ScheduleView) => void; run: (s: ScheduleView) => void; remove: (s: ScheduleView) => void }): Column<ScheduleView>[] {
  return [
    { key: 'connection', header: 'Connection', render: (s) => s.connectionLabel, truncate: true },
    { key: 'what', header: 'What', render: (s) => (s.direction === 'push' ? 'Push' : 'Pull'), width: '70px' },
    {
      key: 'when',
      header: 'When',
      render: (s) => (
        <span title={`${s.cron} (${s.timeZone})`}>
          {s.description}
          {!s.enabled && <Badge tone="neutral"> Paused</Badge>}
        </span>
      ),
    },
    { key: 'next', header: 'Next run', render: (s) => (s.heldElsewhere ? <Badge tone="warning" title={s.heldElsewhere}>Run by another process</Badge> : s.nextRuns[0] ? formatDateTime(s.nextRuns[0]) : '—') },
    { key: 'last', header: 'Last run', render: (s) => <LastRun s={s} /> },
    {
      key: 'actions',
      header: <span className="sr-only">Actions</span>,
      align: 'end',
      render: (s) => (
        <span className="badge-row">
          <Button size="sm" icon="play" disabled={s.running || Boolean(s.heldElsewhere)} onClick={() => actions.run(s)} aria-label={`Run ${s.direction} of ${s.connectionLabel} now`} />
          <Button size="sm" icon={s.enabled ? 'pause' : 'refresh'} onClick={() => actions.toggle(s)} aria-label={`${s.enabled ? 'Pause' : 'Resume'} ${s.direction} of ${s.connectionLabel}`} />
          <Button size="sm" icon="settings" onClick={() => actions.edit(s)} aria-label={`Change ${s.direction} schedule of ${s.connectionLabel}`} />
          <Button size="sm" icon="trash" variant="ghost" onClick={() => actions.remove(s)} aria-label={`Remove ${s.direction} schedule of ${s.connectionLabel}`} />
        </span>
      ),
    },
  ];
}

function DesktopOptions({ desktop, runnerActive, onChange }: { desktop: DesktopState; runnerActive: boolean; onChange: (d: DesktopState) => void }): ReactElement {
  if (desktop.startAtLogin === null) {
    return (
      <p className="muted">
        {runnerActive ? 'Schedules run while the app is open.' : 'Schedules run while the desktop app is open.'} To run them without a window, use{' '}
        <code className="mono">ticket-crm-sync run-schedules</code> from cron or as a service.
      </p>
    );
  }
  return (
    <FieldRow label="Start at login" description="Closing the window keeps the app in the tray so schedules keep running; this starts it there when you log in.">
      {({ id, describedBy }) => (
        <Switch id={id} describedBy={describedBy} checked={desktop.startAtLogin === true} onChange={(v) => void api.schedule.setStartAtLogin({ enabled: v }).then(onChange, () => undefined)} />
      )}
    </FieldRow>
  );
}

/** Settings → Schedules: push and pull on a schedule per connection, next runs, last outcomes. */
export function SchedulesSection(): ReactElement {
  const { data, reload } = useScheduleData();
  const [editor, setEditor] = useState<{ form: ScheduleForm; editing: boolean } | null>(null);
  const [desktop, setDesktop] = useState<DesktopState | null>(null);

  const cols = useMemo(
    () =>
      columns({
        edit: (s) => setEditor({ form: formOf(s), editing: true }),
        toggle: (s) => void api.schedule.set({ connectionId: s.connectionId, direction: s.direction, spec: s.spec, timeZone: s.timeZone, enabled: !s.enabled }).then(reload, () => undefined),
        run: (s) => void api.schedule.runNow({ connectionId: s.connectionId, direction: s.direction }).then((r) => toast.info(r.message), () => undefined),
        remove: (s) => void api.schedule.clear({ connectionId: s.connectionId, direction: s.direction }).then(reload, () => undefined),
      }),
    [reload],
  );

  const connected = data?.connections.filter((c) => c.status !== 'disconnected') ?? [];
  const add = () => data && connected[0] && setEditor({ form: emptyForm(connected[0].id, data.defaultTimeZone), editing: false });

  return (
    <Card
      title="Schedules"
      description="Push and pull on their own, on a preset or a cron schedule. A run missed while the computer slept runs once when it wakes."
      actions={
        <Button icon="calendar" onClick={add} disabled={connected.length === 0}>
          Add schedule
        </Button>
      }
    >
      {!data ? null : data.schedules.length === 0 ? (
        <EmptyState icon="calendar" title="No schedules yet" compact>
          <p>{connected.length ? 'Add one to push new buyers every night, or pull CRM edits every hour.' : 'Connect a CRM first; then its pushes and pulls can run on a schedule.'}</p>
        </EmptyState>
      ) : (
        <DataTable label="Schedules" columns={cols} rows={data.schedules} rowKey={(s) => `${s.connectionId}:${s.direction}`} dense />
      )}
      {data && <DesktopOptions desktop={desktop ?? data.desktop} runnerActive={data.runnerActive} onChange={setDesktop} />}
      {editor && data && (
        <ScheduleEditor open editing={editor.editing} initial={editor.form} connections={connected} onClose={() => setEditor(null)} onSaved={reload} />
      )}
    </Card>
  );
}
