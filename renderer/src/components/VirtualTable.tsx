import { useEffect, useId, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactElement, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Icon } from './Icon';
import { cx } from './cx';

export interface VirtualColumn<T, S extends string = string> {
  key: string;
  header: string;
  render: (row: T) => ReactNode;
  /** A CSS grid track, e.g. '120px' or 'minmax(180px, 2fr)'. */
  width: string;
  align?: 'start' | 'end';
  /** Makes the header a sort button for this key. */
  sortKey?: S;
}

export interface SortState<S extends string> {
  key: S;
  direction: 'asc' | 'desc';
}

interface VirtualTableProps<T, S extends string> {
  label: string;
  columns: VirtualColumn<T, S>[];
  rowCount: number;
  /** The row at an index, or undefined while its page is still loading (a placeholder shows). */
  getRow: (index: number) => T | undefined;
  rowKey: (row: T) => string | number;
  /** Called with the rows on screen (plus overscan) so the owner can fetch them. */
  onRangeChange?: (first: number, last: number) => void;
  sort?: SortState<S>;
  onSort?: (key: S) => void;
  selectedKey?: string | number | null;
  /** Click, Enter, or moving with the arrow keys. */
  onActivate?: (row: T, index: number) => void;
  rowHeight?: number;
  /** Below this width the table scrolls sideways instead of squeezing columns. */
  minWidth?: number;
  /** Shown under the header when there are no rows. */
  empty?: ReactNode;
}

const ariaSort = (col: string | undefined, sort: SortState<string> | undefined): 'ascending' | 'descending' | 'none' | undefined => {
  if (!col) return undefined;
  if (sort?.key !== col) return 'none';
  return sort.direction === 'asc' ? 'ascending' : 'descending';
};

/**
 * A windowed grid for very long lists (100k people scroll smoothly: only the rows on screen
 * exist in the DOM). Follows the ARIA grid pattern: the grid is one tab stop, arrows move the
 * active row, Enter activates it; sortable headers are buttons.
 */
export function VirtualTable<T, S extends string = string>(props: VirtualTableProps<T, S>): ReactElement {
  const { label, columns, rowCount, getRow, rowKey, onRangeChange, sort, onSort, selectedKey, onActivate } = props;
  const rowHeight = props.rowHeight ?? 40;
  const scrollRef = useRef<HTMLDivElement>(null);
  const idBase = useId();
  const [active, setActive] = useState(-1);

  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (last >= 0) onRangeChange?.(first, last);
  }, [first, last, onRangeChange]);

  useEffect(() => {
    if (active >= rowCount) setActive(rowCount - 1);
  }, [active, rowCount]);

  const moveTo = (index: number): void => {
    const next = Math.max(0, Math.min(rowCount - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    const row = getRow(next);
    if (row) onActivate?.(row, next);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.target !== e.currentTarget || rowCount === 0) return;
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 2);
    const moves: Record<string, () => number> = {
      ArrowDown: () => active + 1,
      ArrowUp: () => (active < 0 ? 0 : active - 1),
      PageDown: () => active + pageRows,
      PageUp: () => active - pageRows,
      Home: () => 0,
      End: () => rowCount - 1,
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      moveTo(move());
    } else if ((e.key === 'Enter' || e.key === ' ') && active >= 0) {
      e.preventDefault();
      const row = getRow(active);
      if (row) onActivate?.(row, active);
    }
  };

  const gridStyle = {
    '--vt-cols': columns.map((c) => c.width).join(' '),
    '--vt-min': `${props.minWidth ?? 0}px`,
    '--vt-row': `${rowHeight}px`,
  } as CSSProperties;
  const rowId = (index: number): string => `${idBase}-row-${index}`;

  return (
    <div
      ref={scrollRef}
      className="vtable"
      style={gridStyle}
      role="grid"
      aria-label={label}
      aria-rowcount={rowCount + 1}
      aria-colcount={columns.length}
      aria-activedescendant={active >= 0 && active >= first && active <= last ? rowId(active) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        if (e.target === e.currentTarget && active < 0 && rowCount > 0) setActive(Math.max(first, 0));
      }}
    >
      <div className="vtable-head" role="rowgroup">
        <div className="vtable-row vtable-header-row" role="row" aria-rowindex={1}>
          {columns.map((c) => (
            <div
              key={c.key}
              role="columnheader"
              aria-sort={ariaSort(c.sortKey, sort)}
              className={cx('vtable-cell', 'vtable-th', c.align === 'end' && 'cell-end')}
            >
              {c.sortKey && onSort ? (
                <button type="button" className="th-sort" onClick={() => onSort(c.sortKey as S)}>
                  {c.header}
                  <Icon
                    name={sort?.key === c.sortKey && sort.direction === 'asc' ? 'arrowUp' : 'arrowDown'}
                    size={12}
                    className={cx('th-sort-icon', sort?.key === c.sortKey && 'th-sort-active')}
                  />
                </button>
              ) : (
                c.header
              )}
            </div>
          ))}
        </div>
      </div>
      {rowCount === 0 ? (
        <div className="vtable-empty">{props.empty}</div>
      ) : (
        <div className="vtable-body" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = getRow(item.index);
            const selected = row !== undefined && selectedKey !== undefined && selectedKey !== null && rowKey(row) === selectedKey;
            return (
              <div
                key={item.key}
                id={rowId(item.index)}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={row ? selected : undefined}
                aria-busy={row ? undefined : true}
                className={cx('vtable-row', 'vtable-body-row', selected && 'is-selected', item.index === active && 'is-active')}
                style={{ transform: `translateY(${item.start}px)` }}
                onClick={() => {
                  setActive(item.index);
                  if (row) onActivate?.(row, item.index);
                }}
              >
                {columns.map((c) => (
                  <div key={c.key} role="gridcell" className={cx('vtable-cell', c.align === 'end' && 'cell-end')}>
                    {row ? c.render(row) : <span className="skeleton skeleton-text" />}
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
