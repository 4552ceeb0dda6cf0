import type { ReactElement } from 'react';
import type { Series } from './types';

interface TooltipProps {
  /** Where the hovered slot is, in px from the chart's left edge. */
  x: number;
  width: number;
  label: string;
  rows: Array<{ series: Series; value: number | null }>;
  format: (v: number) => string;
  /** A last line summing the rows (stacked bars). */
  total?: string;
}

/** The values of one slot, beside it (flipped to the left of the slot near the right edge). */
export function ChartTooltip({ x, width, label, rows, format, total }: TooltipProps): ReactElement {
  const right = x > width * 0.62;
  return (
    <div className="chart-tooltip" style={right ? { right: width - x + 12 } : { left: x + 12 }} aria-hidden="true">
      <div className="chart-tooltip-title">{label}</div>
      {rows.map(({ series, value }) => (
        <div key={series.key} className="chart-tooltip-row">
          <span className={`chart-swatch chart-tone-${series.tone}`} />
          <span className="chart-tooltip-name">{series.label}</span>
          <span className="chart-tooltip-value">{value === null ? '—' : format(value)}</span>
        </div>
      ))}
      {total && <div className="chart-tooltip-total">{total}</div>}
    </div>
  );
}

/** The series' names and colours, under a chart. */
export function ChartLegend({ series }: { series: Series[] }): ReactElement {
  return (
    <ul className="chart-legend" aria-hidden="true">
      {series.map((s) => (
        <li key={s.key}>
          <span className={`chart-swatch chart-tone-${s.tone}`} />
          {s.label}
        </li>
      ))}
    </ul>
  );
}
