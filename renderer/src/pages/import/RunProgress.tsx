import type { ReactElement } from 'react';
import { Button, Card, ProgressBar } from '../../components';
import { plural } from '../../lib/format';
import { useImport } from './store';

/** Rows, speed and a cancel that leaves the store as it was. */
export function RunProgress(): ReactElement {
  const progress = useImport((s) => s.progress);
  const file = useImport((s) => s.file);
  const cancelling = useImport((s) => s.cancelling);
  const label = progress?.phase === 'rolling-back' ? 'Undoing the import' : progress?.phase === 'finishing' ? 'Finishing' : `Importing ${file?.name ?? 'the file'}`;
  const detail = progress
    ? `${plural(progress.rows, 'row')} · ${progress.rowsPerSecond.toLocaleString()} rows/s · ${progress.created.toLocaleString()} created, ${progress.updated.toLocaleString()} updated, ${progress.unchanged.toLocaleString()} unchanged, ${progress.rejected.toLocaleString()} rejected`
    : 'Starting…';
  return (
    <Card
      title="Importing"
      actions={
        <Button variant="danger" icon="close" busy={cancelling} onClick={() => void useImport.getState().cancel()}>
          Cancel
        </Button>
      }
    >
      <ProgressBar label={label} value={progress?.bytesRead} max={progress?.totalBytes || undefined} detail={detail} />
      <p className="import-note">Cancelling undoes every row written so far.</p>
    </Card>
  );
}

/** Sending the chosen file to the app, before it can be read. */
export function UploadProgress(): ReactElement {
  const file = useImport((s) => s.file);
  const uploaded = useImport((s) => s.uploaded);
  return (
    <Card title="Reading the file">
      <ProgressBar label={`Loading ${file?.name ?? 'the file'}`} value={uploaded} max={file?.size || undefined} detail={`${(uploaded / 1048576).toFixed(1)} of ${((file?.size ?? 0) / 1048576).toFixed(1)} MB`} />
    </Card>
  );
}
