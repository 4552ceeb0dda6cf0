/** Small SVG charts (no chart library): bars for categories, a line for ordered labels. */
import './charts.css';

export { BarChart } from './BarChart';
export { LineChart } from './LineChart';
export type { ChartPoint, ChartProps } from './types';
export { niceTicks, formatAxis, formatValue } from './scale';
