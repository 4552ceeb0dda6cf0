import { useState, type ReactElement } from 'react';
import { formatAxis, formatValue, niceTicks, visibleLabels } from './scale';
import type { SeriesChartProps } from './types';
import { ChartLegend, ChartTooltip } from './tooltip';
import { useWidth } from './use-width';

const PAD = { top: 14, right: 8, bottom: 28, left: 44 };

/**
 * Columns over ordered labels (days), each stacking its series bottom-up, with a hover tooltip
 * per column and a legend. Null counts as nothing. Plain SVG styled by charts.css.
 */
export function StackedBarChart({ labels, axisLabels = labels, series, title, height = 200, format = formatValue, minMax }: SeriesChartProps): ReactElement {
  const [ref, width] = useWidth<HTMLDivElement>();
  const [hover, setHover] = useState<number | null>(null);
  const totals = labels.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const ticks = niceTicks(0, Math.max(minMax ?? 0, ...totals), 4);
  const hi = ticks[ticks.length - 1];
  const plotW = Math.max(60, width - PAD.left - PAD.right);
  const plotH = height - PAD.top - PAD.bottom;
  const y = (v: number) => PAD.top + plotH - (v / hi) * plotH;
  const slot = plotW / Math.max(1, labels.length);
  const barW = Math.max(2, Math.min(28, slot * 0.68));
  const slotX = (i: number) => PAD.left + slot * i;
  const shown = visibleLabels(labels.map((_, i) => slotX(i) + slot / 2), axisLabels, 58, PAD.left - 20);

  return (
    <div ref={ref} className="chart chart-interactive" onMouseLeave={() => setHover(null)}>
      <svg className="chart-svg" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
        {ticks.map((t) => (
          <g key={t}>
            <line className="chart-grid" x1={PAD.left} x2={width - PAD.right} y1={y(t)} y2={y(t)} />
            <text className="chart-tick" x={PAD.left - 8} y={y(t)} textAnchor="end" dominantBaseline="central">
              {format === formatValue ? formatAxis(t) : format(t)}
            </text>
          </g>
        ))}
        {hover !== null && <rect className="chart-hover-band" x={slotX(hover)} y={PAD.top} width={slot} height={plotH} />}
        {labels.map((label, i) => {
          let base = 0;
          const cx = slotX(i) + slot / 2;
          return (
            <g key={`${label}-${i}`}>
              {series.map((s) => {
                const v = s.values[i] ?? 0;
                if (v <= 0) return null;
                const top = y(base + v);
                const h = Math.max(1, y(base) - top);
                base += v;
                return <rect key={s.key} className={`chart-seg chart-tone-${s.tone}`} x={cx - barW / 2} y={top} width={barW} height={h} />;
              })}
              {shown[i] && (
                <text className="chart-label" x={cx} y={height - PAD.bottom + 16} textAnchor="middle">
                  {axisLabels[i]}
                </text>
              )}
              <rect className="chart-hit" x={slotX(i)} y={PAD.top} width={slot} height={plotH} onMouseEnter={() => setHover(i)} />
            </g>
          );
        })}
        <line className="chart-axis" x1={PAD.left} x2={width - PAD.right} y1={y(0)} y2={y(0)} />
      </svg>
      {hover !== null && (
        <ChartTooltip
          x={slotX(hover) + slot / 2}
          width={width}
          label={labels[hover]}
          rows={series.map((s) => ({ series: s, value: s.values[hover] }))}
          format={format}
          total={series.length > 1 ? `Total ${format(totals[hover])}` : undefined}
        />
      )}
      <ChartLegend series={series} />
    </div>
  );
}
