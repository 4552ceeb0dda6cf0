import { useId, type ReactElement } from 'react';
import { ChartTable, StackedBarChart, TimeSeriesChart } from '../../components/charts';
import type { DashboardRange } from '../../../../shared/ipc/channels/dashboard';
import { chartAriaLabel, type ChartModel } from './chart-data';

interface Props {
  model: ChartModel;
  connection: string;
  range: DashboardRange;
  /** Show the numbers as a table instead of the chart. */
  table: boolean;
}

/** One titled chart of a connection; its summary line names the gist, the table gives every value. */
export function ChartFigure({ model: m, connection, range, table }: Props): ReactElement {
  const titleId = useId();
  const label = chartAriaLabel(m, connection, range);
  const Chart = m.kind === 'bars' ? StackedBarChart : TimeSeriesChart;
  return (
    <figure className="dash-chart" aria-labelledby={titleId} data-chart={m.id}>
      <figcaption>
        <h3 id={titleId} className="dash-chart-title">
          {m.title}
        </h3>
        <p className="dash-chart-summary">{m.summary}</p>
      </figcaption>
      {table ? (
        <ChartTable caption={label} labelHeader={m.labelHeader} labels={m.labels} series={m.series} format={m.format} skipEmpty newestFirst />
      ) : m.empty ? (
        <div className="dash-chart-empty" role="img" aria-label={label}>
          {m.emptyText}
        </div>
      ) : (
        <Chart labels={m.labels} axisLabels={m.axisLabels} series={m.series} title={label} format={m.format} minMax={m.minMax} height={190} />
      )}
    </figure>
  );
}
