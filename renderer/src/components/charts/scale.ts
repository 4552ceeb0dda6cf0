/** Round tick values for an axis from 0 (or the data's minimum when negative) to the maximum. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  const lo = Math.min(0, min);
  const hi = max <= lo ? lo + 1 : max;
  const raw = (hi - lo) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const nice = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  // Counts of people or runs never sit at 0.5: whole-number ranges get whole-number steps.
  const step = Number.isInteger(min) && Number.isInteger(max) ? Math.max(1, nice) : nice;
  const first = Math.floor(lo / step) * step;
  const ticks: number[] = [];
  for (let v = first; v <= hi + step * 0.001; v += step) ticks.push(Number(v.toPrecision(12)));
  if (ticks[ticks.length - 1] < hi) ticks.push(Number((ticks[ticks.length - 1] + step).toPrecision(12)));
  return ticks;
}

const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });
const full = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/** 12.5K on axes, 12,480 in labels. */
export const formatAxis = (v: number): string => (Math.abs(v) >= 10_000 ? compact.format(v) : full.format(v));
export const formatValue = (v: number): string => full.format(v);

/** Cuts a label to `max` characters with an ellipsis. */
export const clip = (label: string, max: number): string => (label.length > max ? `${label.slice(0, Math.max(1, max - 1))}…` : label);

/**
 * Which axis labels to draw: non-empty ones at least `gap` px apart, counted back from the last
 * (the newest slot always keeps its label), and none so near the left edge that it would clip.
 */
export function visibleLabels(xs: readonly number[], labels: readonly string[], gap = 58, left = 0): boolean[] {
  const shown = xs.map(() => false);
  let next = Number.POSITIVE_INFINITY;
  for (let i = xs.length - 1; i >= 0; i--) {
    if (!labels[i] || next - xs[i] < gap || xs[i] - left < gap / 2 - 8) continue;
    shown[i] = true;
    next = xs[i];
  }
  return shown;
}
