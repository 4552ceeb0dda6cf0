export interface ChartPoint {
  label: string;
  value: number;
}

export interface ChartProps {
  points: ChartPoint[];
  /** Names the chart for screen readers ("Revenue by event"). */
  title: string;
  /** What the values are ("revenue", "opportunities"), for tooltips. */
  valueLabel?: string;
  /** Height of the plot in px (horizontal bar charts grow with their rows instead). */
  height?: number;
}

/** Colours of a series, from the design tokens (so they follow light and dark). */
export type SeriesTone = 'accent' | 'info' | 'teal' | 'success' | 'danger' | 'warning' | 'neutral';

/** One named row of values over the chart's labels; null: no value there (a gap, not a zero). */
export interface Series {
  key: string;
  label: string;
  tone: SeriesTone;
  values: Array<number | null>;
}

export interface SeriesChartProps {
  /** One per slot on the x axis, in full (tooltips and the table use them). */
  labels: string[];
  /** Short forms for the axis; default: the labels. */
  axisLabels?: string[];
  series: Series[];
  /** Names the chart for screen readers; say what it shows, the range and its gist. */
  title: string;
  height?: number;
  /** How values read in ticks, tooltips and tables (default: grouped numbers). */
  format?: (v: number) => string;
  /** The top of the value axis at least this (100 for percentages). */
  minMax?: number;
}
