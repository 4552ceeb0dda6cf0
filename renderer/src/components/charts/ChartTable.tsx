import type { ReactElement } from 'react';
import type { Series } from './types';
import { formatValue } from './scale';

interface ChartTableProps {
  caption: string;
  /** Header of the label column ("Day", "Time"). */
  labelHeader: string;
  labels: string[];
  series: Series[];
  format?: (v: number) => string;
  /** Leaves out slots where every series is null or zero (days without runs, hours the app was closed). */
  skipEmpty?: boolean;
  /** Lists the last label first (the most recent day on top). */
  newestFirst?: boolean;
}

/** The numbers behind a chart, for screen readers and for reading exact values. */
export function ChartTable({ caption, labelHeader, labels, series, format = formatValue, skipEmpty, newestFirst }: ChartTableProps): ReactElement {
  const rows = labels.map((label, i) => ({ label, i })).filter(({ i }) => !skipEmpty || series.some((s) => (s.values[i] ?? 0) !== 0));
  if (newestFirst) rows.reverse();
  return (
    <div className="table-wrap chart-table">
      <table className="table table-dense">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{labelHeader}</th>
            {series.map((s) => (
              <th key={s.key} scope="col" className="cell-end">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={series.length + 1} className="muted">
                Nothing to list in this range.
              </td>
            </tr>
          ) : (
            rows.map(({ label, i }) => (
              <tr key={`${label}-${i}`}>
                <th scope="row">{label}</th>
                {series.map((s) => {
                  const v = s.values[i];
                  return (
                    <td key={s.key} className="cell-end">
                      {v === null || v === undefined ? '—' : format(v)}
                    </td>
                  );
                })}
              </tr>
            ))
          )}
        </tbody>
      </table>
      {skipEmpty && <p className="chart-table-note">Slots with nothing to show are left out.</p>}
    </div>
  );
}
