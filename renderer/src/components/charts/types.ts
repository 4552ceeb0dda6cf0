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
