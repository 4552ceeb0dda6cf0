import { useCallback, useEffect, useState, type ReactElement } from 'react';
import type { PersonSummary } from '../../../../shared/ipc/channels/people';
import { Button, EmptyState, Page, SearchInput, Spinner, VirtualTable } from '../../components';
import { useDebounced } from '../../lib/use-debounced';
import { plural } from '../../lib/format';
import { useNavigation } from '../../stores/navigation';
import { rowAt, usePeople } from '../../stores/people';
import { PEOPLE_TABLE_MIN_WIDTH, compactPeopleColumns, peopleColumns } from './people-columns';
import { PersonDetail } from './PersonDetail';

const SEARCH_DEBOUNCE_MS = 250;

function TableEmpty({ searching, onClear }: { searching: boolean; onClear: () => void }): ReactElement {
  const go = useNavigation((s) => s.go);
  const loading = usePeople((s) => s.total === null);
  if (loading) {
    return (
      <div className="detail-loading">
        <Spinner label="Loading people" />
      </div>
    );
  }
  if (searching) {
    return (
      <EmptyState
        icon="search"
        title="No one matches your search"
        action={
          <Button variant="secondary" onClick={onClear}>
            Clear search
          </Button>
        }
      >
        <p>Search looks at email, first and last name and company.</p>
      </EmptyState>
    );
  }
  return (
    <EmptyState
      icon="users"
      title="No ticket buyers yet"
      action={
        <Button variant="primary" icon="upload" onClick={() => go('import')}>
          Import a CSV
        </Button>
      }
    >
      <p>People appear here once you import an attendee or order export from your ticketing platform.</p>
    </EmptyState>
  );
}

export function PeoplePage(): ReactElement {
  const { search, sort, direction, total, pages, selected } = usePeople();
  const { setSearch, sortBy, ensureRange, select, reload } = usePeople.getState();
  const [text, setText] = useState(search);
  const settled = useDebounced(text, SEARCH_DEBOUNCE_MS);

  useEffect(() => {
    reload();
  }, [reload]);
  useEffect(() => {
    setSearch(settled);
  }, [settled, setSearch]);

  const getRow = useCallback((i: number) => rowAt({ pages }, i), [pages]);
  const onActivate = useCallback((p: PersonSummary) => select(p), [select]);

  const description =
    total === null ? 'Loading…' : search ? `${plural(total, 'person', 'people')} match “${search}”` : `${plural(total, 'ticket buyer')} in the local store`;

  return (
    <Page
      title="People"
      fill
      description={description}
      actions={<SearchInput label="Search people" placeholder="Search name, email or company" value={text} onChange={setText} />}
    >
      <div className={selected ? 'people-layout people-layout-detail' : 'people-layout'}>
        <div className="card table-card">
          <VirtualTable
            label="People"
            columns={selected ? compactPeopleColumns : peopleColumns}
            rowCount={total ?? 0}
            getRow={getRow}
            rowKey={(p) => p.id}
            onRangeChange={ensureRange}
            sort={{ key: sort, direction }}
            onSort={sortBy}
            selectedKey={selected?.id ?? null}
            onActivate={onActivate}
            minWidth={selected ? 0 : PEOPLE_TABLE_MIN_WIDTH}
            empty={<TableEmpty searching={Boolean(search)} onClear={() => setText('')} />}
          />
        </div>
        {selected && <PersonDetail key={selected.id} person={selected} />}
      </div>
    </Page>
  );
}
