import { useCallback, useEffect, useState, type ReactElement } from 'react';
import type { StarterQuery } from '../../../../shared/ipc/channels/query';
import { Badge, Button, Card, ConnectionPicker, EmptyState, Modal, Page, Spinner, Switch, toast } from '../../components';
import { api } from '../../api';
import { useNavigation } from '../../stores/navigation';
import { ChartModal } from './ChartModal';
import { HubSpotBuilder } from './HubSpotBuilder';
import { ListFilterForm } from './ListFilterForm';
import { PipedriveFilterForm } from './PipedriveFilterForm';
import { QuerySidebar } from './QuerySidebar';
import { ResultsPanel } from './ResultsPanel';
import { SoqlEditor } from './SoqlEditor';
import { SoqlWorkbench } from './builder/SoqlWorkbench';
import { useShallow } from 'zustand/react/shallow';
import { currentInput, useQuery } from './query-store';
import './query.css';

const LANGUAGE_NAME = { soql: 'SOQL', 'hubspot-search': 'HubSpot search', 'pipedrive-filter': 'Pipedrive filter', 'list-filter': 'List filter' } as const;
const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function QueryPage(): ReactElement {
  const connections = useQuery((s) => s.connections);
  const connectionId = useQuery((s) => s.connectionId);
  const schema = useQuery((s) => s.schema);
  const { loadConnections, selectConnection, onProgress } = useQuery.getState();
  const go = useNavigation((s) => s.go);
  const [chart, setChart] = useState<{ kind: 'bar' | 'line'; groupBy?: string } | null>(null);

  useEffect(() => {
    void loadConnections().catch(() => undefined);
    const offProgress = api.on.queryProgress(onProgress);
    const offConn = api.on.connectionChanged(() => void loadConnections().catch(() => undefined));
    return () => {
      offProgress();
      offConn();
    };
  }, [loadConnections, onProgress]);

  const onStarter = useCallback(async (s: StarterQuery) => {
    const q = useQuery.getState();
    q.load(s.input);
    await q.run(s.input);
    const status = useQuery.getState().status;
    if (s.chart && status && status.state !== 'failed' && status.loaded > 0) setChart({ kind: s.chart, groupBy: s.chartGroupBy });
  }, []);

  const description = 'Ask your CRM directly: SOQL for Salesforce, searches for HubSpot and Pipedrive, with every page, charts and exports.';
  if (connections === null) {
    return (
      <Page title="Query" description={description}>
        <Card>
          <Spinner label="Loading connections" />
        </Card>
      </Page>
    );
  }
  if (connections.length === 0) {
    return (
      <Page title="Query" description={description}>
        <Card>
          <EmptyState
            icon="query"
            title="Connect a CRM first"
            action={
              <Button variant="primary" icon="plug" onClick={() => go('connections')}>
                Open Connections
              </Button>
            }
          >
            <p>Queries run against a connected CRM, with autocomplete for its objects and fields, every page of results and an export to CSV.</p>
          </EmptyState>
        </Card>
      </Page>
    );
  }

  return (
    <Page
      title="Query"
      fill
      description={schema ? `${LANGUAGE_NAME[schema.language]} on ${connections.find((c) => c.id === connectionId)?.label ?? connectionId}` : description}
      actions={
        <ConnectionPicker connections={connections} value={connectionId} onChange={(id) => void selectConnection(id)} />
      }
    >
      <div className="query-page">
        <QuerySidebar onStarter={(s) => void onStarter(s)} />
        <div className="query-main">
          <EditorCard />
          <ResultsPanel onChart={() => setChart({ kind: 'bar' })} />
        </div>
      </div>
      {chart && useQuery.getState().status && <ChartModal runId={useQuery.getState().status!.runId} columns={useQuery.getState().status!.columns} initialKind={chart.kind} initialGroupBy={chart.groupBy} onClose={() => setChart(null)} />}
    </Page>
  );
}

function EditorCard(): ReactElement {
  const s = useQuery(
    useShallow((q) => ({
      schema: q.schema,
      connectionId: q.connectionId,
      soql: q.soql,
      hubspot: q.hubspot,
      pipedrive: q.pipedrive,
      list: q.list,
      includeDeleted: q.includeDeleted,
      diagnostics: q.diagnostics,
      running: q.running,
      setSoql: q.setSoql,
      setHubSpot: q.setHubSpot,
      setPipedrive: q.setPipedrive,
      setList: q.setList,
      setIncludeDeleted: q.setIncludeDeleted,
    })),
  );
  const [saving, setSaving] = useState(false);
  const { schema, connectionId } = s;
  const run = useCallback(() => void useQuery.getState().run(), []);
  const loadFields = useQuery((q) => q.loadFields);
  const loadListFilters = useQuery((q) => q.loadListFilters);
  const setDiagnostics = useQuery((q) => q.setDiagnostics);
  const errors = s.diagnostics.filter((d) => d.severity === 'error');

  if (!schema || !connectionId) {
    return (
      <Card className="editor-card">
        <Spinner label="Reading the connection’s objects" />
      </Card>
    );
  }
  const runKeys = isMac ? '⌘ Enter' : 'Ctrl Enter';
  return (
    <Card
      className="editor-card"
      title={
        <span className="editor-title">
          {LANGUAGE_NAME[schema.language]}
          <Badge tone="neutral">{schema.objects.length} objects</Badge>
        </span>
      }
      actions={
        <div className="editor-actions">
          {schema.supportsIncludeDeleted && (
            <label className="switch-label">
              <Switch checked={s.includeDeleted} onChange={s.setIncludeDeleted} label="Include deleted records" />
              <span>Include deleted</span>
            </label>
          )}
          <Button size="sm" variant="ghost" icon="folder" onClick={() => setSaving(true)}>
            Save
          </Button>
          <Button size="sm" variant="primary" icon="play" busy={s.running} onClick={run} title={`Run (${runKeys})`}>
            Run <kbd className="kbd-inline">{runKeys}</kbd>
          </Button>
        </div>
      }
    >
      {schema.language === 'soql' && (
        <SoqlWorkbench connectionId={connectionId} objects={schema.objects} soql={s.soql} onSoql={s.setSoql} loadFields={loadFields}>
          <SoqlEditor connectionId={connectionId} value={s.soql} onChange={s.setSoql} onRun={run} runDiagnostics={s.diagnostics} onDiagnostics={setDiagnostics} />
        </SoqlWorkbench>
      )}
      {schema.language === 'hubspot-search' && (
        <HubSpotBuilder connectionId={connectionId} objects={schema.objects} draft={s.hubspot} onChange={s.setHubSpot} loadFields={loadFields} onRun={run} onDiagnostics={setDiagnostics} diagnostics={s.diagnostics} />
      )}
      {schema.language === 'pipedrive-filter' && <PipedriveFilterForm objects={schema.objects} draft={s.pipedrive} onChange={s.setPipedrive} loadFields={loadFields} onRun={run} />}
      {schema.language === 'list-filter' && <ListFilterForm objects={schema.objects} draft={s.list} onChange={s.setList} loadListFilters={loadListFilters} onRun={run} />}
      {s.diagnostics.length > 0 && (
        <ul className="diagnostics" aria-label="Problems in the query">
          {s.diagnostics.slice(0, 6).map((d, i) => (
            <li key={i} className={d.severity === 'error' ? 'diag diag-error' : 'diag diag-warning'}>
              <span className="diag-pos">
                {schema.language === 'soql' ? `Line ${d.line}, col ${d.column}` : `${d.severity === 'error' ? 'Error' : 'Note'}`}
              </span>
              {d.message}
            </li>
          ))}
        </ul>
      )}
      {errors.length === 0 && s.diagnostics.length === 0 && schema.resultCap !== null && (
        <p className="editor-note">HubSpot search returns at most {schema.resultCap.toLocaleString()} results per query; the counter says when a query hits that cap.</p>
      )}
      {saving && <SaveDialog onClose={() => setSaving(false)} />}
    </Card>
  );
}

function SaveDialog({ onClose }: { onClose: () => void }): ReactElement {
  const [name, setName] = useState('');
  const save = async () => {
    const s = useQuery.getState();
    const input = currentInput(s);
    if (!input || !s.connectionId || !name.trim()) return;
    await api.query.save({ connectionId: s.connectionId, name: name.trim(), input, includeDeleted: s.includeDeleted });
    await s.refreshHistory();
    toast.success(`Saved “${name.trim()}”.`);
    onClose();
  };
  return (
    <Modal
      open
      title="Save query"
      onClose={onClose}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="primary" disabled={!name.trim()} onClick={() => void save()}>
            Save
          </Button>
        </>
      }
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="field-label" htmlFor="save-query-name">
          Name
        </label>
        <input id="save-query-name" className="input input-wide" autoFocus placeholder="e.g. VIP buyers this year" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
      </form>
    </Modal>
  );
}
