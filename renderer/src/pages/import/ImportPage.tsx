import { useEffect, useState, type ReactElement } from 'react';
import { Button, Card, Page, Spinner } from '../../components';
import { api } from '../../api';
import { plural } from '../../lib/format';
import { useAppInfo } from '../../stores/app-info';
import { useImport } from './store';
import { DropZone } from './DropZone';
import { ReadOptionsCard } from './ReadOptionsCard';
import { EventCard } from './EventCard';
import { ValidationCard } from './ValidationCard';
import { MappingTable } from './MappingTable';
import { RunProgress, UploadProgress } from './RunProgress';
import { ResultView } from './ResultView';
import { HistoryCard } from './HistoryCard';
import './import.css';

function SavePreset(): ReactElement {
  const [name, setName] = useState('');
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <Button variant="ghost" icon="copy" onClick={() => setOpen(true)}>
        Save mapping as preset
      </Button>
    );
  }
  return (
    <form
      className="import-save"
      onSubmit={(e) => {
        e.preventDefault();
        void useImport.getState().savePreset(name.trim()).then((ok) => ok && setOpen(false));
      }}
    >
      <input className="input" aria-label="Preset name" placeholder="Preset name" value={name} maxLength={100} autoFocus onChange={(e) => setName(e.target.value)} />
      <Button type="submit" disabled={!name.trim()}>
        Save
      </Button>
      <Button variant="ghost" onClick={() => setOpen(false)}>
        Cancel
      </Button>
    </form>
  );
}

function PreviewStep(): ReactElement | null {
  const preview = useImport((s) => s.preview);
  const mapping = useImport((s) => s.mapping);
  const presets = useImport((s) => s.presets);
  const previewing = useImport((s) => s.previewing);
  if (!preview || !mapping) return null;
  const hasEmail = mapping.columns.some((c) => c.target === 'person.email');
  return (
    <div className="import-preview" aria-busy={previewing}>
      <div className="import-two">
        <ReadOptionsCard preview={preview} presets={presets} />
        <EventCard key={preview.fileName} mapping={mapping} />
      </div>
      <ValidationCard preview={preview} mapping={mapping} />
      <MappingTable preview={preview} mapping={mapping} />
      <div className="import-actions import-actions-end">
        <SavePreset />
        <Button variant="primary" icon="upload" disabled={!hasEmail || previewing} title={hasEmail ? undefined : 'Map a column to Email first'} onClick={() => void useImport.getState().run()}>
          Import {plural(preview.summary.rows, 'row')}
        </Button>
      </div>
    </div>
  );
}

/**
 * Import: pick or drop a CSV export, check the preview and mapping, run with progress and
 * cancel, then see what happened to every row.
 */
export function ImportPage(): ReactElement {
  const step = useImport((s) => s.step);
  const error = useImport((s) => s.error);
  const result = useImport((s) => s.result);
  const history = useImport((s) => s.history);
  const refreshCounts = useAppInfo((s) => s.refreshCounts);

  useEffect(() => {
    const { loadLists, onProgress } = useImport.getState();
    void loadLists().catch(() => undefined);
    return api.on.importProgress(onProgress);
  }, []);

  useEffect(() => {
    if (step === 'result') void refreshCounts();
  }, [step, refreshCounts]);

  return (
    <Page
      title="Import"
      description="Bring attendees and orders in from your ticketing platform's CSV exports."
      actions={
        step === 'preview' ? (
          <Button variant="ghost" icon="close" onClick={() => void useImport.getState().reset()}>
            Choose another file
          </Button>
        ) : undefined
      }
    >
      {error && (
        <div className="import-error" role="alert">
          {error}
        </div>
      )}
      {step === 'choose' && (
        <Card>
          <DropZone onFile={(f) => void useImport.getState().choose(f)} />
        </Card>
      )}
      {step === 'uploading' && <UploadProgress />}
      {step === 'preview' && <PreviewStep />}
      {step === 'running' && <RunProgress />}
      {step === 'result' && result && <ResultView result={result} />}
      {(step === 'choose' || step === 'result') && <HistoryCard history={history} />}
      {step === 'uploading' && useImport.getState().uploaded >= (useImport.getState().file?.size ?? Infinity) && (
        <Card>
          <Spinner label="Reading the file" />
        </Card>
      )}
    </Page>
  );
}
