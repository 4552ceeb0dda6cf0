/** Small SVG charts (no chart library): bars for categories, a line for ordered labels, stacked bars and time series with hover values. */
import './charts.css';

export { BarChart } from './BarChart';
export { LineChart } from './LineChart';
export { StackedBarChart } from './StackedBarChart';
export { TimeSeriesChart } from './TimeSeriesChart';
export { ChartTable } from './ChartTable';
export { ChartLegend } from './tooltip';
export type { ChartPoint, ChartProps, Series, SeriesChartProps, SeriesTone } from './types';
export { niceTicks, formatAxis, formatValue } from './scale';
