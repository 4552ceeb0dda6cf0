import type { ReactElement } from 'react';
import { clip, formatAxis, formatValue, niceTicks } from './scale';
import type { ChartProps } from './types';
import { useWidth } from './use-width';

const ROW = 30;

/**
 * Bars for categories: horizontal (one row per category, names readable in full) when there
 * are many or long labels, vertical columns otherwise. Plain SVG, styled by charts.css.
 */
export function BarChart({ points, title, valueLabel = 'value', height = 280 }: ChartProps): ReactElement {
  const [ref, width] = useWidth<HTMLDivElement>();
  const horizontal = points.length > 8 || points.some((p) => p.label.length > 14);
  return (
    <div ref={ref} className="chart">
      {points.length === 0 ? (
        <p className="chart-empty">Nothing to chart.</p>
      ) : horizontal ? (
        <HorizontalBars points={points} title={title} valueLabel={valueLabel} width={width} />
      ) : (
        <VerticalBars points={points} title={title} valueLabel={valueLabel} width={width} height={height} />
      )}
    </div>
  );
}

interface Layout {
  points: ChartProps['points'];
  title: string;
  valueLabel: string;
  width: number;
}

function HorizontalBars({ points, title, valueLabel, width }: Layout): ReactElement {
  const labelW = Math.min(220, Math.max(90, Math.max(...points.map((p) => p.label.length)) * 7 + 12));
  const pad = { top: 24, right: 56, bottom: 8, left: labelW };
  const plotW = Math.max(60, width - pad.left - pad.right);
  const ticks = niceTicks(Math.min(...points.map((p) => p.value)), Math.max(...points.map((p) => p.value)), 4);
  const lo = ticks[0];
  const hi = ticks[ticks.length - 1];
  const x = (v: number) => pad.left + ((v - lo) / (hi - lo)) * plotW;
  const h = pad.top + points.length * ROW + pad.bottom;
  return (
    <svg className="chart-svg" width={width} height={h} viewBox={`0 0 ${width} ${h}`} role="img" aria-label={title}>
      {ticks.map((t) => (
        <g key={t}>
          <line className="chart-grid" x1={x(t)} x2={x(t)} y1={pad.top - 6} y2={h - pad.bottom} />
          <text className="chart-tick" x={x(t)} y={pad.top - 10} textAnchor="middle">
            {formatAxis(t)}
          </text>
        </g>
      ))}
      {points.map((p, i) => {
        const y = pad.top + i * ROW;
        const x0 = x(Math.max(lo, 0));
        const x1 = x(p.value);
        return (
          <g key={`${p.label}-${i}`} className="chart-bar-group">
            <title>{`${p.label}: ${formatValue(p.value)} ${valueLabel}`}</title>
            <text className="chart-label" x={pad.left - 10} y={y + ROW / 2} textAnchor="end" dominantBaseline="central">
              {clip(p.label, Math.floor((labelW - 16) / 7))}
            </text>
            <rect className="chart-bar" x={Math.min(x0, x1)} y={y + 5} width={Math.max(1, Math.abs(x1 - x0))} height={ROW - 10} rx={4} />
            <text className="chart-value" x={Math.max(x0, x1) + 6} y={y + ROW / 2} dominantBaseline="central">
              {formatAxis(p.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function VerticalBars({ points, title, valueLabel, width, height }: Layout & { height: number }): ReactElement {
  const pad = { top: 20, right: 12, bottom: 40, left: 52 };
  const plotW = Math.max(60, width - pad.left - pad.right);
  const plotH = height - pad.top - pad.bottom;
  const ticks = niceTicks(Math.min(...points.map((p) => p.value)), Math.max(...points.map((p) => p.value)), 5);
  const lo = ticks[0];
  const hi = ticks[ticks.length - 1];
  const y = (v: number) => pad.top + plotH - ((v - lo) / (hi - lo)) * plotH;
  const slot = plotW / points.length;
  const barW = Math.max(4, Math.min(56, slot * 0.62));
  return (
    <svg className="chart-svg" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
      {ticks.map((t) => (
        <g key={t}>
          <line className="chart-grid" x1={pad.left} x2={width - pad.right} y1={y(t)} y2={y(t)} />
          <text className="chart-tick" x={pad.left - 8} y={y(t)} textAnchor="end" dominantBaseline="central">
            {formatAxis(t)}
          </text>
        </g>
      ))}
      {points.map((p, i) => {
        const cx = pad.left + slot * i + slot / 2;
        const y0 = y(Math.max(lo, 0));
        const y1 = y(p.value);
        return (
          <g key={`${p.label}-${i}`} className="chart-bar-group">
            <title>{`${p.label}: ${formatValue(p.value)} ${valueLabel}`}</title>
            <rect className="chart-bar" x={cx - barW / 2} y={Math.min(y0, y1)} width={barW} height={Math.max(1, Math.abs(y1 - y0))} rx={4} />
            <text className="chart-value" x={cx} y={Math.min(y0, y1) - 6} textAnchor="middle">
              {formatAxis(p.value)}
            </text>
            <text className="chart-label" x={cx} y={height - pad.bottom + 16} textAnchor="middle">
              {clip(p.label, Math.max(4, Math.floor(slot / 7)))}
            </text>
          </g>
        );
      })}
      <line className="chart-axis" x1={pad.left} x2={width - pad.right} y1={y(Math.max(lo, 0))} y2={y(Math.max(lo, 0))} />
    </svg>
  );
}
