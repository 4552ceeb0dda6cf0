import { Fragment, type ReactElement, type ReactNode } from 'react';
import { cx } from './cx';

export interface Column<T> {
  key: string;
  header: ReactNode;
  render: (row: T) => ReactNode;
  align?: 'start' | 'end';
  /** A CSS width for the column, e.g. '120px' or '30%'. */
  width?: string;
  /** Keeps the cell on one line with an ellipsis. */
  truncate?: boolean;
}

interface DataTableProps<T> {
  label: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string | number;
  /** Content of a full-width row under a row (e.g. its detail), or null for none. */
  expanded?: (row: T) => ReactNode | null;
  dense?: boolean;
}

/** A plain table for short lists (orders of one person, a page of audit entries). */
export function DataTable<T>({ label, columns, rows, rowKey, expanded, dense }: DataTableProps<T>): ReactElement {
  return (
    <div className="table-wrap">
      <table className={cx('table', dense && 'table-dense')} aria-label={label}>
        <colgroup>
          {columns.map((c) => (
            <col key={c.key} style={c.width ? { width: c.width } : undefined} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={cx(c.align === 'end' && 'cell-end')}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const key = rowKey(row);
            const extra = expanded?.(row) ?? null;
            return (
              <Fragment key={key}>
                <tr className={cx(extra !== null && 'row-expanded')}>
                  {columns.map((c) => (
                    <td key={c.key} className={cx(c.align === 'end' && 'cell-end', c.truncate && 'cell-truncate')}>
                      {c.render(row)}
                    </td>
                  ))}
                </tr>
                {extra !== null && (
                  <tr className="row-detail">
                    <td colSpan={columns.length}>{extra}</td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
