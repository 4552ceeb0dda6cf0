import { useCallback, useEffect, useId, useState, type ReactElement, type ReactNode } from 'react';
import type { BackupInfo, ExportResult } from '../../../../shared/ipc/channels/data';
import { Button, Card, DataTable, FieldRow, Modal, toast, type Column } from '../../components';
import { api } from '../../api';
import { formatDateTime, plural } from '../../lib/format';

const size = (bytes: number): string => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** A settings row whose control is a button: the button keeps its own name, the text describes it. */
function ActionRow({ title, description, children }: { title: string; description?: ReactNode; children: (describedBy: string | undefined) => ReactNode }): ReactElement {
  const id = useId();
  return (
    <div className="field-row">
      <div className="field-text">
        <p className="field-label">{title}</p>
        {description && (
          <p id={id} className="field-description">
            {description}
          </p>
        )}
      </div>
      <div className="field-control">
        <div className="field-control-line">{children(description ? id : undefined)}</div>
      </div>
    </div>
  );
}

/** Everything in the app reads the store: after a restore or a delete, start the window afresh. */
const reloadApp = (): void => window.location.reload();

function RestoreDialog({ backup, onClose }: { backup: BackupInfo | null; onClose: () => void }): ReactElement {
  const [busy, setBusy] = useState(false);
  const restore = async (): Promise<void> => {
    if (!backup) return;
    setBusy(true);
    try {
      const r = await api.data.restore({ name: backup.name, confirm: true });
      toast.success(`Restored ${backup.name}. The data from before is kept in ${r.safetyBackup}.`);
      reloadApp();
    } catch {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={backup !== null}
      title="Restore this backup?"
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="danger" busy={busy} onClick={() => void restore()}>
            Restore
          </Button>
        </>
      }
    >
      <p>
        Everything in the local store is replaced by <strong>{backup?.name}</strong> from {formatDateTime(backup?.at ?? null)}. The current data is backed
        up first, so this can be undone by restoring that backup.
      </p>
    </Modal>
  );
}

function DeleteAllDialog({ open, onClose }: { open: boolean; onClose: () => void }): ReactElement {
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const remove = async (): Promise<void> => {
    setBusy(true);
    try {
      const r = await api.data.deleteAll({ confirm: 'DELETE' });
      toast.success(`Deleted ${plural(r.rowsDeleted, 'record')} and ${plural(r.keychainEntriesRemoved, 'saved sign-in')}.`);
      reloadApp();
    } catch {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title="Delete all local data?"
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="danger" busy={busy} disabled={typed !== 'DELETE'} onClick={() => void remove()}>
            Delete everything
          </Button>
        </>
      }
    >
      <p>
        This deletes every person, order, event, link, mapping, schedule and log entry on this computer, all backups and exports, and the saved CRM
        sign-ins in the system keychain. Your CRMs keep their data. This cannot be undone.
      </p>
      <FieldRow label="Type DELETE to confirm">
        {({ id }) => <input id={id} className="input input-narrow" autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} />}
      </FieldRow>
    </Modal>
  );
}

/** Settings → Backup & data: backups (SQLite online backup), restore, CSV export of everything, delete all. */
export function BackupDataSection(): ReactElement {
  const [backups, setBackups] = useState<{ dir: string; backups: BackupInfo[] } | null>(null);
  const [busy, setBusy] = useState<'backup' | 'export' | null>(null);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [exported, setExported] = useState<ExportResult | null>(null);

  const load = useCallback(() => void api.data.backups({}).then(setBackups, () => undefined), []);
  useEffect(load, [load]);

  const backup = async (): Promise<void> => {
    setBusy('backup');
    try {
      const b = await api.data.backup({});
      toast.success(`Backed up to ${b.name} (${size(b.bytes)}).`);
      load();
    } catch {
      // Shown as a toast.
    } finally {
      setBusy(null);
    }
  };
  const exportAll = async (): Promise<void> => {
    setBusy('export');
    try {
      setExported(await api.data.exportAll({}));
    } catch {
      // Shown as a toast.
    } finally {
      setBusy(null);
    }
  };

  const cols: Column<BackupInfo>[] = [
    { key: 'name', header: 'Backup', render: (b) => <span className="mono">{b.name}</span>, truncate: true },
    { key: 'at', header: 'Made', render: (b) => formatDateTime(b.at), width: '180px' },
    { key: 'size', header: 'Size', render: (b) => size(b.bytes), align: 'end', width: '90px' },
    {
      key: 'restore',
      header: <span className="sr-only">Restore</span>,
      align: 'end',
      width: '110px',
      render: (b) => (
        <Button size="sm" onClick={() => setRestoring(b)} aria-label={`Restore ${b.name}`}>
          Restore
        </Button>
      ),
    },
  ];

  return (
    <Card title="Backup & data" description="Backups are safe to make while the app works. Files go into the data folder.">
      <ActionRow title="Back up the local store" description={backups ? `Into ${backups.dir}` : undefined}>
        {(describedBy) => (
          <Button aria-describedby={describedBy} icon="database" busy={busy === 'backup'} onClick={() => void backup()}>
            Back up now
          </Button>
        )}
      </ActionRow>
      {backups && backups.backups.length > 0 && <DataTable label="Backups" columns={cols} rows={backups.backups} rowKey={(b) => b.name} dense />}
      <ActionRow
        title="Export everything as CSV"
        description={exported ? `Exported ${exported.files.map((f) => `${f.name} (${f.rows})`).join(', ')} to ${exported.dir}` : 'People, orders, tickets, events, CRM links, connections and the audit log; no secrets.'}
      >
        {(describedBy) => (
          <Button aria-describedby={describedBy} icon="folder" busy={busy === 'export'} onClick={() => void exportAll()}>
            Export all
          </Button>
        )}
      </ActionRow>
      <ActionRow title="Delete all local data" description="Everything on this computer, including backups and the saved sign-ins in the keychain.">
        {(describedBy) => (
          <Button aria-describedby={describedBy} variant="danger" icon="trash" onClick={() => setDeleting(true)}>
            Delete all…
          </Button>
        )}
      </ActionRow>
      <RestoreDialog backup={restoring} onClose={() => setRestoring(null)} />
      <DeleteAllDialog open={deleting} onClose={() => setDeleting(false)} />
    </Card>
  );
}
