import type { ReactElement } from 'react';
import { clip, formatAxis, formatValue, niceTicks } from './scale';
import type { ChartProps } from './types';
import { useWidth } from './use-width';

/** A line over ordered labels (months, days, stages in order), with a soft area and dots. */
export function LineChart({ points, title, valueLabel = 'value', height = 280 }: ChartProps): ReactElement {
  const [ref, width] = useWidth<HTMLDivElement>();
  const pad = { top: 20, right: 20, bottom: 40, left: 52 };
  const plotW = Math.max(60, width - pad.left - pad.right);
  const plotH = height - pad.top - pad.bottom;
  const values = points.map((p) => p.value);
  const ticks = niceTicks(Math.min(...values, 0), Math.max(...values, 0), 5);
  const lo = ticks[0];
  const hi = ticks[ticks.length - 1];
  const x = (i: number) => pad.left + (points.length <= 1 ? plotW / 2 : (i / (points.length - 1)) * plotW);
  const y = (v: number) => pad.top + plotH - ((v - lo) / (hi - lo)) * plotH;
  const line = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const area = points.length > 0 ? `${line} L${x(points.length - 1).toFixed(1)},${y(Math.max(lo, 0)).toFixed(1)} L${x(0).toFixed(1)},${y(Math.max(lo, 0)).toFixed(1)} Z` : '';
  // Every label when they fit, else every n-th so they never overlap.
  const every = Math.max(1, Math.ceil((points.length * 64) / plotW));
  return (
    <div ref={ref} className="chart">
      {points.length === 0 ? (
        <p className="chart-empty">Nothing to chart.</p>
      ) : (
        <svg className="chart-svg" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
          {ticks.map((t) => (
            <g key={t}>
              <line className="chart-grid" x1={pad.left} x2={width - pad.right} y1={y(t)} y2={y(t)} />
              <text className="chart-tick" x={pad.left - 8} y={y(t)} textAnchor="end" dominantBaseline="central">
                {formatAxis(t)}
              </text>
            </g>
          ))}
          <path className="chart-area" d={area} />
          <path className="chart-line" d={line} />
          {points.map((p, i) => (
            <g key={`${p.label}-${i}`}>
              <title>{`${p.label}: ${formatValue(p.value)} ${valueLabel}`}</title>
              <circle className="chart-dot" cx={x(i)} cy={y(p.value)} r={3.5} />
              {i % every === 0 && (
                <text className="chart-label" x={x(i)} y={height - pad.bottom + 16} textAnchor="middle">
                  {clip(p.label, 10)}
                </text>
              )}
            </g>
          ))}
        </svg>
      )}
    </div>
  );
}
