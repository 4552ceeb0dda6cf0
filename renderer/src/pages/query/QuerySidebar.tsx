import { useState, type ReactElement } from 'react';
import type { HistoryEntry, StarterQuery } from '../../../../shared/ipc/channels/query';
import { Button, Icon, Modal, Tabs, toast } from '../../components';
import { api } from '../../api';
import { formatRelative } from '../../lib/format';
import { useQuery } from './query-store';

type Tab = 'starters' | 'saved' | 'history';

interface Props {
  onStarter: (s: StarterQuery) => void;
}

/** Starter queries (one click runs), saved queries and recent runs of the connection. */
export function QuerySidebar({ onStarter }: Props): ReactElement {
  const starters = useQuery((s) => s.starters);
  const history = useQuery((s) => s.history);
  const [tab, setTab] = useState<Tab>('starters');
  const [renaming, setRenaming] = useState<HistoryEntry | null>(null);

  return (
    <aside className="card query-sidebar" aria-label="Query library">
      <Tabs<Tab>
        label="Query library"
        active={tab}
        onChange={setTab}
        tabs={[
          { key: 'starters', label: 'Starters' },
          { key: 'saved', label: 'Saved', count: history.saved.length },
          { key: 'history', label: 'History', count: history.recent.length },
        ]}
      >
        <div className="query-library">
          {tab === 'starters' && <StarterList starters={starters} onPick={onStarter} />}
          {tab === 'saved' && <EntryList entries={history.saved} empty="Save a query to keep it here. Saved queries stay after restarts." onRename={setRenaming} />}
          {tab === 'history' && <EntryList entries={history.recent} empty="Queries you run appear here, newest first." onRename={setRenaming} />}
        </div>
      </Tabs>
      {renaming && <RenameDialog entry={renaming} onClose={() => setRenaming(null)} />}
    </aside>
  );
}

function StarterList({ starters, onPick }: { starters: StarterQuery[]; onPick: (s: StarterQuery) => void }): ReactElement {
  if (starters.length === 0) return <p className="library-empty">Starter queries appear once the connection answers.</p>;
  return (
    <ul className="library-list">
      {starters.map((s) => (
        <li key={s.id}>
          <button type="button" className="starter" onClick={() => onPick(s)} title="Run this query">
            <span className="starter-icon" aria-hidden="true">
              <Icon name={s.chart ? 'sparkles' : 'play'} size={13} />
            </span>
            <span className="starter-text">
              <span className="starter-title">{s.title}</span>
              <span className="starter-desc">{s.description}</span>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

function EntryList({ entries, empty, onRename }: { entries: HistoryEntry[]; empty: string; onRename: (e: HistoryEntry) => void }): ReactElement {
  const { load, run, refreshHistory } = useQuery.getState();
  if (entries.length === 0) return <p className="library-empty">{empty}</p>;
  return (
    <ul className="library-list">
      {entries.map((e) => (
        <li key={e.id} className="entry">
          <button type="button" className="entry-main" onClick={() => load(e.input, e.includeDeleted)} title="Put this query in the editor">
            {e.name && <span className="entry-name">{e.name}</span>}
            <span className="entry-summary">{e.summary}</span>
            <span className="entry-meta">
              {e.rowCount !== null && `${e.rowCount.toLocaleString()} rows · `}
              {formatRelative(e.lastRunAt ?? e.createdAt)}
              {e.includeDeleted && ' · with deleted'}
            </span>
          </button>
          <span className="entry-actions">
            <button
              type="button"
              className="icon-button"
              aria-label={`Run ${e.name ?? e.summary}`}
              title="Run again"
              onClick={() => {
                load(e.input, e.includeDeleted);
                void run(e.input);
              }}
            >
              <Icon name="play" size={13} />
            </button>
            <button type="button" className="icon-button" aria-label={`Rename ${e.name ?? e.summary}`} title={e.saved ? 'Rename' : 'Save with a name'} onClick={() => onRename(e)}>
              <Icon name="mapping" size={13} />
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={`Delete ${e.name ?? e.summary}`}
              title="Delete"
              onClick={() => void api.query.delete({ id: e.id }).then(() => refreshHistory())}
            >
              <Icon name="trash" size={13} />
            </button>
          </span>
        </li>
      ))}
    </ul>
  );
}

function RenameDialog({ entry, onClose }: { entry: HistoryEntry; onClose: () => void }): ReactElement {
  const [name, setName] = useState(entry.name ?? '');
  const save = async () => {
    if (!name.trim()) return;
    await api.query.rename({ id: entry.id, name: name.trim() });
    await useQuery.getState().refreshHistory();
    toast.success(`Saved as “${name.trim()}”.`);
    onClose();
  };
  return (
    <Modal
      open
      title={entry.saved ? 'Rename query' : 'Save query'}
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
        <label className="field-label" htmlFor="query-name">
          Name
        </label>
        <input id="query-name" className="input input-wide" autoFocus value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
        <p className="field-help">{entry.summary}</p>
      </form>
    </Modal>
  );
}
