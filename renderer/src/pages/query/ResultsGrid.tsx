import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type PointerEvent, type ReactElement, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Cell } from '../../../../shared/ipc/channels/query';
import { Icon } from '../../components';
import { cx } from '../../components/cx';
import { cellText, copyText, guessWidth, sortedOrder, toTsv } from './cells';

const ROW_H = 32;
const NUMBER_COL = 56;
const MIN_COL = 64;

export interface GridSort {
  col: number;
  direction: 'asc' | 'desc';
}

interface ResultsGridProps {
  columns: string[];
  rows: Cell[][];
  /** Changes whenever rows are appended in place. */
  version: number;
  /** Selected rows, by their index in `rows`. */
  selection: Set<number>;
  onSelection: (next: Set<number>) => void;
  /** Called when the last loaded rows come into view (to read the next page). */
  onEndReached?: () => void;
  onCopied?: (what: string) => void;
  empty?: ReactNode;
}

/**
 * The results grid: only the rows on screen exist in the DOM (50,000 rows scroll smoothly),
 * columns sort on a header click and resize by dragging their edge, row numbers select rows
 * (Shift for a range, Ctrl/Cmd to add), Ctrl/Cmd+C copies the selected rows or the active
 * cell as tab-separated text. Null and empty text look different: a muted "null" versus an
 * outlined "empty".
 */
export function ResultsGrid({ columns, rows, version, selection, onSelection, onEndReached, onCopied, empty }: ResultsGridProps): ReactElement {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [sort, setSort] = useState<GridSort | null>(null);
  const [widths, setWidths] = useState<number[]>([]);
  const [active, setActive] = useState<{ row: number; col: number } | null>(null);
  const anchor = useRef<number | null>(null);
  const columnsKey = columns.join('\u0001');

  useEffect(() => {
    setSort(null);
    setActive(null);
    setWidths(columns.map((c, i) => guessWidth(c, rows, i)));
    // Widths are guessed once per column set, from the first rows.
  }, [columnsKey]);

  const order = useMemo(() => (sort ? sortedOrder(rows, sort.col, sort.direction) : null), [rows, version, sort]);
  const rowAt = useCallback((display: number) => (order ? order[display] : display), [order]);

  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_H, overscan: 16 });
  const items = virtualizer.getVirtualItems();
  const lastVisible = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (rows.length > 0 && lastVisible >= rows.length - 30) onEndReached?.();
  }, [lastVisible, rows.length, onEndReached]);

  const template = `${NUMBER_COL}px ${columns.map((_, i) => `${widths[i] ?? 140}px`).join(' ')}`;
  const totalWidth = NUMBER_COL + columns.reduce((n, _, i) => n + (widths[i] ?? 140), 0);
  const style = { '--qg-cols': template, '--qg-width': `${totalWidth}px`, '--qg-row': `${ROW_H}px` } as CSSProperties;

  const cycleSort = (col: number) =>
    setSort((s) => (s?.col !== col ? { col, direction: 'asc' } : s.direction === 'asc' ? { col, direction: 'desc' } : null));

  const selectRow = (display: number, e: { shiftKey: boolean; metaKey: boolean; ctrlKey: boolean }) => {
    const index = rowAt(display);
    if (e.shiftKey && anchor.current !== null) {
      const [a, b] = [Math.min(anchor.current, display), Math.max(anchor.current, display)];
      const next = new Set(e.metaKey || e.ctrlKey ? selection : []);
      for (let d = a; d <= b; d++) next.add(rowAt(d));
      onSelection(next);
      return;
    }
    anchor.current = display;
    const next = new Set(e.metaKey || e.ctrlKey ? selection : []);
    if (next.has(index) && (e.metaKey || e.ctrlKey)) next.delete(index);
    else next.add(index);
    onSelection(next);
  };

  const copy = async () => {
    if (selection.size > 0) {
      const chosen = [...Array(rows.length).keys()].map(rowAt).filter((i) => selection.has(i));
      await copyText(toTsv(columns, chosen.map((i) => rows[i])));
      onCopied?.(`${chosen.length.toLocaleString()} ${chosen.length === 1 ? 'row' : 'rows'}`);
    } else if (active) {
      await copyText(cellText(rows[rowAt(active.row)]?.[active.col]));
      onCopied?.('the cell');
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const mod = e.metaKey || e.ctrlKey;
    if (mod && e.key.toLowerCase() === 'c') {
      e.preventDefault();
      void copy();
      return;
    }
    if (mod && e.key.toLowerCase() === 'a') {
      e.preventDefault();
      onSelection(new Set(rows.keys()));
      return;
    }
    if (e.key === 'Escape') {
      onSelection(new Set());
      return;
    }
    const moves: Record<string, [number, number]> = { ArrowDown: [1, 0], ArrowUp: [-1, 0], ArrowRight: [0, 1], ArrowLeft: [0, -1], PageDown: [20, 0], PageUp: [-20, 0] };
    const m = moves[e.key];
    if (!m || rows.length === 0) return;
    e.preventDefault();
    const from = active ?? { row: 0, col: 0 };
    const next = { row: clamp(from.row + m[0], 0, rows.length - 1), col: clamp(from.col + m[1], 0, columns.length - 1) };
    setActive(next);
    virtualizer.scrollToIndex(next.row, { align: 'auto' });
  };

  return (
    <div
      ref={scrollRef}
      className="qgrid"
      style={style}
      role="grid"
      aria-label="Query results"
      aria-rowcount={rows.length + 1}
      aria-colcount={columns.length + 1}
      aria-multiselectable="true"
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div className="qgrid-head" role="row" aria-rowindex={1}>
        <div className="qgrid-cell qgrid-num qgrid-th" role="columnheader">
          #
        </div>
        {columns.map((c, i) => (
          <div key={c} role="columnheader" className="qgrid-cell qgrid-th" aria-sort={sort?.col === i ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
            <button type="button" className="qgrid-sort" onClick={() => cycleSort(i)} title={`Sort by ${c}`}>
              <span className="qgrid-th-name">{c}</span>
              <Icon name={sort?.col === i && sort.direction === 'desc' ? 'arrowDown' : 'arrowUp'} size={12} className={cx('qgrid-sort-icon', sort?.col === i && 'is-active')} />
            </button>
            <ColumnResizer width={widths[i] ?? 140} onResize={(w) => setWidths((ws) => ws.map((x, j) => (j === i ? w : x)))} label={c} />
          </div>
        ))}
      </div>
      {rows.length === 0 ? (
        <div className="qgrid-empty">{empty}</div>
      ) : (
        <div className="qgrid-body" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const index = rowAt(item.index);
            const row = rows[index];
            const selected = selection.has(index);
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                className={cx('qgrid-row', selected && 'is-selected', item.index % 2 === 1 && 'is-odd')}
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <div role="rowheader" className="qgrid-cell qgrid-num" onClick={(e) => selectRow(item.index, e)} title="Select row (Shift: range, Ctrl/Cmd: add)">
                  {(item.index + 1).toLocaleString()}
                </div>
                {columns.map((c, col) => (
                  <div
                    key={c}
                    role="gridcell"
                    className={cx('qgrid-cell', typeof row[col] === 'number' && 'is-number', active?.row === item.index && active.col === col && 'is-active')}
                    onClick={() => setActive({ row: item.index, col })}
                  >
                    <CellView value={row[col]} />
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}

const clamp = (n: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, n));

function CellView({ value }: { value: Cell | undefined }): ReactElement {
  if (value === null || value === undefined) return <span className="qcell-null">null</span>;
  if (value === '') return <span className="qcell-empty">empty</span>;
  if (typeof value === 'boolean') return <span className={value ? 'qcell-bool qcell-true' : 'qcell-bool'}>{String(value)}</span>;
  if (typeof value === 'object') return <span className="qcell-json">{JSON.stringify(value)}</span>;
  const text = String(value);
  return <span title={text.length > 40 ? text : undefined}>{text}</span>;
}

/** Drag a column's right edge to resize it; arrow keys do the same for keyboard users. */
function ColumnResizer({ width, onResize, label }: { width: number; onResize: (w: number) => void; label: string }): ReactElement {
  const start = useRef<{ x: number; w: number } | null>(null);
  const down = (e: PointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    e.stopPropagation();
    e.currentTarget.setPointerCapture(e.pointerId);
    start.current = { x: e.clientX, w: width };
  };
  const move = (e: PointerEvent<HTMLDivElement>) => {
    if (start.current) onResize(Math.max(MIN_COL, Math.round(start.current.w + e.clientX - start.current.x)));
  };
  const up = (e: PointerEvent<HTMLDivElement>) => {
    start.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };
  return (
    <div
      className="qgrid-resizer"
      role="separator"
      aria-orientation="vertical"
      aria-label={`Resize ${label}`}
      aria-valuenow={width}
      tabIndex={-1}
      onPointerDown={down}
      onPointerMove={move}
      onPointerUp={up}
      onPointerCancel={up}
      onDoubleClick={() => onResize(220)}
      onKeyDown={(e) => {
        if (e.key === 'ArrowLeft') onResize(Math.max(MIN_COL, width - 16));
        if (e.key === 'ArrowRight') onResize(width + 16);
      }}
    />
  );
}
