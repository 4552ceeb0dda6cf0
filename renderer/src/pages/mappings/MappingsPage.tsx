import { useEffect, useRef, useState, type ReactElement } from 'react';
import { api } from '../../api';
import { Badge, Button, Card, ConnectionPicker, EmptyState, Modal, Page, Select, Spinner, Tabs, toast } from '../../components';
import { useNavigation } from '../../stores/navigation';
import { formatDateTime } from '../../lib/format';
import { FieldGrid } from './FieldGrid';
import { RowIssues } from './FieldCells';
import { ObjectList } from './ObjectList';
import { ObjectSettings } from './ObjectSettings';
import { TestPanel } from './TestPanel';
import { ValuesPanel } from './ValuesPanel';
import { emptyMapping } from './model';
import { isDirty, useMappings } from './store';
import './mappings.css';

const DESCRIPTION = 'Which local fields go to which CRM fields, and which way each one syncs.';
const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

type Pending = { kind: 'object'; object: string } | { kind: 'connection'; id: string } | { kind: 'reset' };

/** The browser host has no save dialog: the file downloads like any other. */
function download(fileName: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.className = 'sr-only';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function MappingsPage(): ReactElement {
  const s = useMappings();
  const go = useNavigation((n) => n.go);
  const dirty = isDirty(s);
  const [pending, setPending] = useState<Pending | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void useMappings.getState().loadConnections();
    return api.on.connectionChanged(() => void useMappings.getState().loadConnections());
  }, []);

  // Ctrl/⌘+S saves, wherever the focus is on the page.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        const st = useMappings.getState();
        if (isDirty(st) && !st.saving) void st.save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const guard = (next: Pending) => (dirty ? setPending(next) : run(next));
  const run = (next: Pending) => {
    setPending(null);
    if (next.kind === 'object') void s.selectObject(next.object);
    else if (next.kind === 'connection') void s.selectConnection(next.id);
    else void s.reset();
  };

  if (s.connections === null) {
    return (
      <Page title="Mappings" description={DESCRIPTION}>
        <Card>
          <Spinner label="Loading connections" />
        </Card>
      </Page>
    );
  }
  if (s.connections.length === 0) {
    return (
      <Page title="Mappings" description={DESCRIPTION}>
        <Card>
          <EmptyState
            icon="mapping"
            title="Connect a CRM first"
            action={
              <Button variant="primary" icon="plug" onClick={() => go('connections')}>
                Open Connections
              </Button>
            }
          >
            <p>
              A mapping links each field of a ticket buyer (email, names, phone, company, totals, custom questions) to a field of the CRM&apos;s contacts. Once a CRM is
              connected, a sensible default mapping is ready to review here.
            </p>
          </EmptyState>
        </Card>
      </Page>
    );
  }

  const exportAll = async () => {
    const out = await s.exportFile();
    if (out?.content) {
      download(out.fileName, out.content);
      toast.success(`Exported the mappings to ${out.fileName}.`);
    }
  };

  const importFrom = async (file: File | undefined) => {
    if (!file) return;
    await s.importFile(await file.text());
    if (fileInput.current) fileInput.current.value = '';
  };

  return (
    <Page
      title="Mappings"
      description={DESCRIPTION}
      actions={
        <>
          <ConnectionPicker connections={s.connections} value={s.connectionId} onChange={(id) => guard({ kind: 'connection', id })} />
          <Button icon="upload" onClick={() => fileInput.current?.click()} title="Read a mappings JSON file into this connection">
            Import
          </Button>
          <input ref={fileInput} type="file" accept=".json,application/json" className="sr-only" tabIndex={-1} aria-label="Mappings file to import" onChange={(e) => void importFrom(e.target.files?.[0])} />
          <Button icon="arrowDown" onClick={() => void exportAll()} title="Every mapping of this connection as one JSON file">
            Export
          </Button>
        </>
      }
    >
      <div className="mappings-layout">
        <Card className="mappings-objects" title="Objects" description="Pushed in this order">
          <ObjectList objects={s.objects} error={s.objectsError} current={s.object} dirty={dirty} onSelect={(object) => object !== s.object && guard({ kind: 'object', object })} />
        </Card>
        <div className="mappings-main">
          <ObjectPane onReset={() => setPending({ kind: 'reset' })} />
        </div>
      </div>

      <Modal
        open={pending !== null}
        title={pending?.kind === 'reset' ? `Reset ${s.loaded?.label ?? 'this object'}?` : 'Discard your changes?'}
        onClose={() => setPending(null)}
        footer={
          <>
            <Button onClick={() => setPending(null)}>{pending?.kind === 'reset' ? 'Cancel' : 'Keep editing'}</Button>
            <Button variant="danger" onClick={() => pending && (pending.kind === 'reset' ? run(pending) : (s.discard(), run(pending)))}>
              {pending?.kind === 'reset' ? (s.loaded?.defaultMapping ? 'Reset to default' : 'Remove the mapping') : 'Discard changes'}
            </Button>
          </>
        }
      >
        <p>
          {pending?.kind === 'reset'
            ? s.loaded?.defaultMapping
              ? `The saved mapping of ${s.loaded.label} is replaced by the app’s default. Pushes use the default from now on.`
              : `${s.loaded?.label ?? 'This object'} has no default mapping: it is no longer synced.`
            : `The changes to the ${s.loaded?.label ?? ''} mapping are not saved yet.`}
        </p>
      </Modal>
    </Page>
  );
}

type PaneTab = 'fields' | 'test' | 'values';

function ObjectPane({ onReset }: { onReset: () => void }): ReactElement {
  const s = useMappings();
  const [tab, setTab] = useState<PaneTab>('fields');
  const [newKind, setNewKind] = useState('person');
  const dirty = isDirty(s);

  if (s.objectsError) {
    return (
      <Card>
        <EmptyState
          icon="plug"
          title="Could not read this connection’s objects"
          action={
            <Button variant="primary" icon="plug" onClick={() => useNavigation.getState().go('connections')}>
              Open Connections
            </Button>
          }
        >
          <p>{s.objectsError}</p>
        </EmptyState>
      </Card>
    );
  }
  if (s.loading && !s.loaded) {
    return (
      <Card>
        <Spinner label="Reading the CRM’s fields" />
      </Card>
    );
  }
  if (s.loadError) {
    return (
      <Card>
        <EmptyState icon="alert" title="Could not read this object" action={s.object ? <Button onClick={() => void s.selectObject(s.object!)}>Try again</Button> : undefined}>
          <p>{s.loadError}</p>
        </EmptyState>
      </Card>
    );
  }
  if (!s.loaded) {
    return (
      <Card>
        <EmptyState icon="mapping" title="Pick an object" compact>
          <p>Choose a CRM object on the left to see how local records map to it.</p>
        </EmptyState>
      </Card>
    );
  }
  const loaded = s.loaded;
  if (!s.draft) {
    return (
      <Card title={loaded.label} description={<span className="mono">{loaded.object}</span>}>
        <EmptyState
          icon="mapping"
          title={`${loaded.label} is not mapped`}
          action={
            <div className="start-mapping">
              <Select aria-label="Local records to map" value={newKind} options={loaded.localKinds.map((k) => ({ value: k.kind, label: k.label }))} onChange={setNewKind} />
              <Button variant="primary" icon="mapping" onClick={() => s.start(emptyMapping(loaded.object, newKind))}>
                Start a mapping
              </Button>
            </div>
          }
        >
          <p>Choose which local records {loaded.label} holds, then map its fields. Nothing is pushed to it until you save.</p>
        </EmptyState>
      </Card>
    );
  }

  const draft = s.draft;
  const errors = s.issues.filter((i) => i.severity === 'error');
  const warnings = s.issues.filter((i) => i.severity === 'warning');
  // Problems that belong to no mapped row (required fields nothing fills, the match key) show at the top.
  const objectIssues = s.issues.filter((i) => i.index === undefined);
  const sourceBadge = dirty ? (
    <Badge tone="warning" dot>
      Unsaved changes
    </Badge>
  ) : loaded.source === 'saved' ? (
    <Badge tone="success" dot>
      Saved {formatDateTime(loaded.updatedAt)}
    </Badge>
  ) : loaded.source === 'default' ? (
    <Badge tone="info">Default mapping</Badge>
  ) : (
    <Badge>New mapping</Badge>
  );

  return (
    <>
      <Card
        className="object-card"
        title={
          <span className="object-title">
            {loaded.label}
            <span className="mono object-title-name">{loaded.object}</span>
            {sourceBadge}
          </span>
        }
        description={
          <span className="object-summary">
            {draft.fields.length} mapped {draft.fields.length === 1 ? 'field' : 'fields'} ·{' '}
            <span className={errors.length ? 'text-danger' : undefined}>
              {errors.length} {errors.length === 1 ? 'error' : 'errors'}
            </span>{' '}
            · {warnings.length} {warnings.length === 1 ? 'warning' : 'warnings'}
            {s.validating && <Spinner size={12} label="Checking" />}
          </span>
        }
        actions={
          <>
            <Button variant="ghost" icon="refresh" onClick={() => void s.refreshMetadata()} title={`Fields read from ${loaded.provider} ${formatDateTime(loaded.describedAt)}. Read them again after adding a custom field.`}>
              Refresh fields
            </Button>
            {loaded.source === 'saved' && !dirty && (
              <Button variant="ghost" onClick={onReset}>
                {loaded.defaultMapping ? 'Reset to default' : 'Remove mapping'}
              </Button>
            )}
            {dirty && <Button onClick={() => s.discard()}>Discard</Button>}
            <Button
              variant="primary"
              icon="check"
              busy={s.saving}
              disabled={!dirty || errors.length > 0}
              title={errors.length > 0 ? 'Fix the errors to save' : `Save (${isMac ? '⌘' : 'Ctrl'}+S)`}
              onClick={() => void s.save()}
            >
              Save
            </Button>
          </>
        }
      >
        <ObjectSettings loaded={loaded} draft={draft} edit={s.edit} />
        <RowIssues id="object-issues" issues={objectIssues} />
      </Card>

      <Card className="object-tabs-card">
        <Tabs
          label="Mapping views"
          active={tab}
          onChange={setTab}
          tabs={[
            { key: 'fields', label: 'Fields', count: draft.fields.length },
            { key: 'test', label: 'Test with a record' },
            { key: 'values', label: 'Picklist values', ...(s.unmapped ? { count: s.unmapped.values.length } : {}) },
          ]}
        >
          {tab === 'fields' ? <FieldGrid key={`${loaded.connectionId}/${loaded.object}`} loaded={loaded} draft={draft} issues={s.issues} edit={s.edit} /> : tab === 'test' ? <TestPanel /> : <ValuesPanel />}
        </Tabs>
      </Card>
    </>
  );
}
