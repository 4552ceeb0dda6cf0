import { useEffect, useState, type ReactElement } from 'react';
import type { SchedulePreview } from '../../../../shared/ipc/channels/schedule';
import type { ConnectionView } from '../../../../shared/ipc/channels/connections';
import { Button, FieldRow, Modal, Select } from '../../components';
import { api } from '../../api';
import { formatDateTime } from '../../lib/format';
import { useDebounced } from '../../lib/use-debounced';
import { DAY_OPTIONS, DIRECTION_OPTIONS, KIND_OPTIONS, isTime, specOf, type ScheduleForm } from './schedule-form';

interface Props {
  open: boolean;
  /** Changing an existing schedule: its connection and direction stay. */
  editing: boolean;
  initial: ScheduleForm;
  connections: ConnectionView[];
  onClose: () => void;
  onSaved: () => void;
}

/** Add or change a schedule: a preset or a cron expression, explained in words with its next runs as you type. */
export function ScheduleEditor({ open, editing, initial, connections, onClose, onSaved }: Props): ReactElement {
  const [form, setForm] = useState(initial);
  const [preview, setPreview] = useState<SchedulePreview | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => setForm(initial), [initial]);
  const set = <K extends keyof ScheduleForm>(key: K, value: ScheduleForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  const timeOk = !(form.kind === 'nightly' || form.kind === 'weekly') || isTime(form.time);
  const debounced = useDebounced(form, 250);
  useEffect(() => {
    if (!open || !timeOk) return;
    let live = true;
    api.schedule
      .preview({ spec: specOf(debounced), timeZone: debounced.timeZone.trim() || undefined })
      .then((p) => live && setPreview(p))
      .catch(() => live && setPreview(null));
    return () => {
      live = false;
    };
  }, [debounced, open, timeOk]);

  const save = async (): Promise<void> => {
    setSaving(true);
    try {
      await api.schedule.set({ connectionId: form.connectionId, direction: form.direction, spec: specOf(form), timeZone: form.timeZone.trim() || undefined });
      onSaved();
      onClose();
    } catch {
      // The failure is shown as a toast; the dialog stays open to fix it.
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      wide
      title={editing ? 'Change schedule' : 'Add a schedule'}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" busy={saving} disabled={!timeOk || preview?.valid === false} onClick={() => void save()}>
            Save schedule
          </Button>
        </>
      }
    >
      <FieldRow label="Connection">
        {({ id }) => (
          <Select id={id} value={form.connectionId} disabled={editing} options={connections.map((c) => ({ value: c.id, label: c.label || c.providerName }))} onChange={(v) => set('connectionId', v)} />
        )}
      </FieldRow>
      <FieldRow label="What">
        {({ id }) => <Select id={id} value={form.direction} disabled={editing} options={DIRECTION_OPTIONS} onChange={(v) => set('direction', v)} />}
      </FieldRow>
      <FieldRow label="When">{({ id }) => <Select id={id} value={form.kind} options={KIND_OPTIONS} onChange={(v) => set('kind', v)} />}</FieldRow>
      {form.kind === 'weekly' && <FieldRow label="Day">{({ id }) => <Select id={id} value={form.day} options={DAY_OPTIONS} onChange={(v) => set('day', v)} />}</FieldRow>}
      {(form.kind === 'nightly' || form.kind === 'weekly') && (
        <FieldRow label="Time" description="24-hour clock, in the time zone below." error={timeOk ? null : 'Enter a time such as 02:30.'}>
          {({ id, describedBy, invalid }) => (
            <input id={id} className="input input-narrow" value={form.time} aria-describedby={describedBy} aria-invalid={invalid || undefined} onChange={(e) => set('time', e.target.value)} placeholder="02:30" />
          )}
        </FieldRow>
      )}
      {form.kind === 'cron' && (
        <FieldRow label="Cron expression" description="Five fields: minute hour day-of-month month day-of-week, e.g. */30 8-18 * * 1-5." error={preview?.valid === false ? preview.error : null}>
          {({ id, describedBy, invalid }) => (
            <input id={id} className="input input-wide mono" spellCheck={false} value={form.expression} aria-describedby={describedBy} aria-invalid={invalid || undefined} onChange={(e) => set('expression', e.target.value)} />
          )}
        </FieldRow>
      )}
      <FieldRow label="Time zone" description="Schedules follow this zone's clock, daylight saving time included." error={preview?.valid === false && form.kind !== 'cron' ? preview.error : null}>
        {({ id, describedBy }) => <input id={id} className="input input-wide" value={form.timeZone} aria-describedby={describedBy} onChange={(e) => set('timeZone', e.target.value)} placeholder="Europe/Berlin" />}
      </FieldRow>
      {preview?.valid && (
        <div role="status" aria-label="Schedule preview">
          <p>
            <strong>{preview.description}</strong>
          </p>
          <p className="muted">Next runs: {preview.nextRuns.slice(0, 3).map((t) => formatDateTime(t)).join(' · ')}</p>
        </div>
      )}
    </Modal>
  );
}
