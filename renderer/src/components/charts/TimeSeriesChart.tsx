import { useState, type ReactElement } from 'react';
import { formatAxis, formatValue, niceTicks, visibleLabels } from './scale';
import type { SeriesChartProps } from './types';
import { ChartLegend, ChartTooltip } from './tooltip';
import { useWidth } from './use-width';

const PAD = { top: 14, right: 12, bottom: 28, left: 44 };

/** Runs of consecutive non-null values: a line breaks where nothing was measured. */
function runsOf(values: Array<number | null>): Array<Array<{ i: number; v: number }>> {
  const out: Array<Array<{ i: number; v: number }>> = [];
  let run: Array<{ i: number; v: number }> = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (run.length) out.push(run);
      run = [];
    } else run.push({ i, v });
  });
  if (run.length) out.push(run);
  return out;
}

/**
 * Lines over evenly spaced time buckets, one per series, broken where a bucket has no value; a
 * lone value shows as a dot. The first series gets a soft area. Hover shows every series' value.
 */
export function TimeSeriesChart({ labels, axisLabels = labels, series, title, height = 200, format = formatValue, minMax }: SeriesChartProps): ReactElement {
  const [ref, width] = useWidth<HTMLDivElement>();
  const [hover, setHover] = useState<number | null>(null);
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const ticks = niceTicks(0, Math.max(minMax ?? 0, ...all, 1), 4);
  const hi = ticks[ticks.length - 1];
  const plotW = Math.max(60, width - PAD.left - PAD.right);
  const plotH = height - PAD.top - PAD.bottom;
  const n = Math.max(1, labels.length);
  const x = (i: number) => PAD.left + (n === 1 ? plotW / 2 : (i / (n - 1)) * plotW);
  const y = (v: number) => PAD.top + plotH - (v / hi) * plotH;
  const shown = visibleLabels(labels.map((_, i) => x(i)), axisLabels, 64, PAD.left);
  const step = n === 1 ? plotW : plotW / (n - 1);
  const pick = (clientX: number, left: number) => Math.min(n - 1, Math.max(0, Math.round((clientX - left - PAD.left) / step)));

  return (
    <div ref={ref} className="chart chart-interactive" onMouseLeave={() => setHover(null)}>
      <svg
        className="chart-svg"
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={title}
        onMouseMove={(e) => setHover(pick(e.clientX, e.currentTarget.getBoundingClientRect().left))}
      >
        {ticks.map((t) => (
          <g key={t}>
            <line className="chart-grid" x1={PAD.left} x2={width - PAD.right} y1={y(t)} y2={y(t)} />
            <text className="chart-tick" x={PAD.left - 8} y={y(t)} textAnchor="end" dominantBaseline="central">
              {format === formatValue ? formatAxis(t) : format(t)}
            </text>
          </g>
        ))}
        {labels.map((_, i) =>
          shown[i] ? (
            <text key={i} className="chart-label" x={x(i)} y={height - PAD.bottom + 16} textAnchor="middle">
              {axisLabels[i]}
            </text>
          ) : null,
        )}
        {series.map((s, k) =>
          runsOf(s.values).map((run) => {
            const d = run.map((p, j) => `${j === 0 ? 'M' : 'L'}${x(p.i).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ');
            const first = run[0];
            const last = run[run.length - 1];
            return (
              <g key={`${s.key}-${first.i}`} className={`chart-tone-${s.tone}`}>
                {k === 0 && run.length > 1 && <path className="chart-series-area" d={`${d} L${x(last.i).toFixed(1)},${y(0)} L${x(first.i).toFixed(1)},${y(0)} Z`} />}
                {run.length > 1 ? <path className="chart-series-line" d={d} /> : <circle className="chart-series-dot" cx={x(first.i)} cy={y(first.v)} r={3} />}
              </g>
            );
          }),
        )}
        {hover !== null && (
          <g>
            <line className="chart-guide" x1={x(hover)} x2={x(hover)} y1={PAD.top} y2={PAD.top + plotH} />
            {series.map((s) => {
              const v = s.values[hover];
              return v === null ? null : <circle key={s.key} className={`chart-series-dot chart-tone-${s.tone}`} cx={x(hover)} cy={y(v)} r={4} />;
            })}
          </g>
        )}
        <line className="chart-axis" x1={PAD.left} x2={width - PAD.right} y1={y(0)} y2={y(0)} />
      </svg>
      {hover !== null && (
        <ChartTooltip x={x(hover)} width={width} label={labels[hover]} rows={series.map((s) => ({ series: s, value: s.values[hover] }))} format={format} />
      )}
      <ChartLegend series={series} />
    </div>
  );
}
