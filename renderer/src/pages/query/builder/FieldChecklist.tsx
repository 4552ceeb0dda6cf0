import { useMemo, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import type { QueryFieldInfo } from '../../../../../shared/ipc/channels/query';
import { Icon, SearchInput, cx } from '../../../components';
import { KIND_LABEL, fieldKind } from './field-kinds';
import { MAX_DEPTH, relationshipLabel } from './FieldPickers';
import { isRelationship, type FieldCatalog } from './use-field-catalog';
import './builder.css';

type Row =
  | { type: 'field'; key: string; path: string; field: QueryFieldInfo; depth: number; parent?: string }
  | { type: 'relationship'; key: string; path: string; field: QueryFieldInfo; target: string; depth: number; open: boolean; parent?: string }
  | { type: 'loading'; key: string; depth: number };

interface FieldChecklistProps {
  base: string;
  catalog: FieldCatalog;
  /** Ticked paths in the order they are selected. */
  selected: string[];
  onChange: (selected: string[]) => void;
  /** Lookups open into their object's fields (Account › Name). */
  relationships?: boolean;
  /** What the fields are called (fields, properties). */
  noun?: string;
}

const matches = (f: QueryFieldInfo, q: string) => !q || f.label.toLowerCase().includes(q) || f.name.toLowerCase().includes(q);
const byLabel = (a: QueryFieldInfo, b: QueryFieldInfo) => a.label.localeCompare(b.label);

/**
 * Fields to tick, with lookups that open into the parent object's fields, as deep as SOQL
 * allows. One tab stop: ↑/↓ move, Space ticks, → opens a lookup, ← closes it or goes to it.
 */
export function FieldChecklist({ base, catalog, selected, onChange, relationships = true, noun = 'fields' }: FieldChecklistProps): ReactElement {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const ticked = useMemo(() => new Set(selected.map((s) => s.toLowerCase())), [selected]);
  const q = query.trim().toLowerCase();

  const rows = useMemo(() => {
    const out: Row[] = [];
    const walk = (object: string, prefix: string, depth: number, parent?: string): boolean => {
      const fields = catalog.fieldsOf(object);
      if (!fields) {
        out.push({ type: 'loading', key: `${prefix}…`, depth });
        return false;
      }
      let any = false;
      const sorted = [...fields].sort(byLabel);
      for (const f of sorted) {
        if (!matches(f, q)) continue;
        out.push({ type: 'field', key: `${prefix}${f.name}`, path: `${prefix}${f.name}`, field: f, depth, parent });
        any = true;
      }
      if (!relationships || depth >= MAX_DEPTH) return any;
      for (const f of sorted.filter(isRelationship)) {
        const path = `${prefix}${f.relationshipName}`;
        const isOpen = open.has(path.toLowerCase());
        const at = out.length;
        out.push({ type: 'relationship', key: `${path}.`, path, field: f, target: f.referenceTo![0], depth, open: isOpen, parent });
        const childMatch = isOpen && walk(f.referenceTo![0], `${path}.`, depth + 1, `${path}.`);
        const selfMatch = !q || relationshipLabel(f).toLowerCase().includes(q) || f.relationshipName!.toLowerCase().includes(q);
        if (!selfMatch && !childMatch) out.splice(at);
        else any = true;
      }
      return any;
    };
    walk(base, '', 0);
    return out;
  }, [base, catalog, open, q, relationships]);

  const focusable = rows.filter((r) => r.type !== 'loading');
  const tabKey = focusable.some((r) => r.key === focusKey) ? focusKey : (focusable[0]?.key ?? null);

  const toggle = (path: string) => {
    const lower = path.toLowerCase();
    onChange(ticked.has(lower) ? selected.filter((s) => s.toLowerCase() !== lower) : [...selected, path]);
  };
  const setOpenPath = (path: string, on: boolean) => {
    const next = new Set(open);
    if (on) next.add(path.toLowerCase());
    else next.delete(path.toLowerCase());
    setOpen(next);
  };
  const focusRow = (key: string | undefined) => {
    if (!key) return;
    setFocusKey(key);
    listRef.current?.querySelector<HTMLElement>(`[data-row="${CSS.escape(key)}"]`)?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = focusable.findIndex((r) => r.key === tabKey);
    const row = focusable[i];
    if (!row) return;
    const go = (j: number) => {
      e.preventDefault();
      focusRow(focusable[Math.max(0, Math.min(j, focusable.length - 1))]?.key);
    };
    if (e.key === 'ArrowDown') go(i + 1);
    else if (e.key === 'ArrowUp') go(i - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(focusable.length - 1);
    else if (e.key === 'ArrowRight' && row.type === 'relationship') {
      e.preventDefault();
      if (!row.open) setOpenPath(row.path, true);
      else go(i + 1);
    } else if (e.key === 'ArrowLeft') {
      e.preventDefault();
      if (row.type === 'relationship' && row.open) setOpenPath(row.path, false);
      else if (row.parent) focusRow(row.parent);
    }
  };

  return (
    <div className="fcl">
      <div
        className="fcl-search"
        onKeyDown={(e) => {
          // From the search box straight into the list.
          if (e.key !== 'ArrowDown' || !focusable[0]) return;
          e.preventDefault();
          focusRow(focusable[0].key);
        }}
      >
        <SearchInput value={query} onChange={setQuery} label={`Search ${noun}`} placeholder={`Search ${noun}`} />
      </div>
      <div
        ref={listRef}
        className="fcl-list"
        role="group"
        aria-label={`${noun[0].toUpperCase()}${noun.slice(1)} to select`}
        onKeyDown={onKeyDown}
      >
        {rows.map((r) => {
          if (r.type === 'loading') {
            return (
              <div key={r.key} className="fcl-row fcl-loading" data-depth={Math.min(r.depth, MAX_DEPTH)}>
                Loading fields…
              </div>
            );
          }
          if (r.type === 'relationship') {
            return (
              <button
                key={r.key}
                type="button"
                data-row={r.key}
                tabIndex={r.key === tabKey ? 0 : -1}
                className={cx('fcl-row fcl-rel', r.open && 'is-open')}
                data-depth={Math.min(r.depth, MAX_DEPTH)}
                aria-expanded={r.open}
                aria-label={`${relationshipLabel(r.field)} (${r.path}) fields`}
                onFocus={() => setFocusKey(r.key)}
                onClick={() => setOpenPath(r.path, !r.open)}
              >
                <Icon name="chevronRight" size={14} className="fcl-chevron" />
                <span className="fcl-label">{relationshipLabel(r.field)}</span>
                <span className="fcl-name">{r.field.relationshipName}.</span>
                <span className="fcl-type">→ {r.target}</span>
              </button>
            );
          }
          const on = ticked.has(r.path.toLowerCase());
          return (
            <label key={r.key} className={cx('fcl-row fcl-field', on && 'is-on')} data-depth={Math.min(r.depth, MAX_DEPTH)}>
              <input
                type="checkbox"
                data-row={r.key}
                tabIndex={r.key === tabKey ? 0 : -1}
                checked={on}
                aria-label={`${r.field.label} (${r.path})`}
                onFocus={() => setFocusKey(r.key)}
                onChange={() => toggle(r.path)}
              />
              <span className="fcl-label">{r.field.label}</span>
              <span className="fcl-name">{r.field.name}</span>
              <span className="fcl-type">{KIND_LABEL[fieldKind(r.field)]}</span>
            </label>
          );
        })}
        {rows.length === 0 && <p className="fcl-empty">{q ? `No ${noun} match “${query}”.` : `No ${noun}.`}</p>}
      </div>
    </div>
  );
}

interface SelectedChipsProps {
  selected: string[];
  onChange: (selected: string[]) => void;
  /** The list's accessible name. */
  label?: string;
}

/** The ticked fields in SELECT order, each removable, including ones in closed lookups. */
export function SelectedChips({ selected, onChange, label = 'Selected fields' }: SelectedChipsProps): ReactElement | null {
  if (selected.length === 0) return null;
  return (
    <ul className="chips fcl-chips" aria-label={label}>
      {selected.map((p) => (
        <li key={p} className="chip">
          {p}
          <button type="button" aria-label={`Remove ${p}`} title={`Remove ${p}`} onClick={() => onChange(selected.filter((x) => x !== p))}>
            <Icon name="close" size={12} />
          </button>
        </li>
      ))}
    </ul>
  );
}
