import { useEffect, useState, type ReactElement } from 'react';
import type { ChartData } from '../../../../shared/ipc/channels/query';
import { Button, Modal, Select, Spinner } from '../../components';
import { BarChart, LineChart } from '../../components/charts';
import { api } from '../../api';

type Kind = 'bar' | 'line';
type Measure = ChartData['measure'];

interface Props {
  runId: string;
  columns: string[];
  initialKind?: Kind;
  initialGroupBy?: string;
  onClose: () => void;
}

const MEASURES: Array<{ value: Measure; label: string }> = [
  { value: 'count', label: 'Number of rows' },
  { value: 'sum', label: 'Sum of…' },
  { value: 'value', label: 'Value of… (grouped rows)' },
];

/** Turns the result into a bar or line chart: grouped SOQL as it is, other rows grouped by a column. */
export function ChartModal({ runId, columns, initialKind = 'bar', initialGroupBy, onClose }: Props): ReactElement {
  const [kind, setKind] = useState<Kind>(initialKind);
  const [groupBy, setGroupBy] = useState<string | undefined>(initialGroupBy);
  const [measure, setMeasure] = useState<Measure | undefined>(undefined);
  const [valueColumn, setValueColumn] = useState<string | undefined>(undefined);
  const [data, setData] = useState<ChartData | null>(null);

  useEffect(() => {
    let live = true;
    void api.query
      .chart({ runId, groupBy, measure, valueColumn })
      .then((d) => live && setData(d))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [runId, groupBy, measure, valueColumn]);

  const valueLabel = data?.measure === 'count' ? 'rows' : (data?.valueColumn ?? 'value');
  const title = data ? `${data.measure === 'count' ? 'Rows' : data.measure === 'sum' ? `Sum of ${data.valueColumn}` : data.valueColumn} by ${data.groupBy}` : 'Chart';
  return (
    <Modal open wide title="Chart" onClose={onClose} footer={<Button onClick={onClose}>Close</Button>}>
      <div className="chart-controls">
        <div className="segmented" role="radiogroup" aria-label="Chart type">
          {(['bar', 'line'] as const).map((k) => (
            <button key={k} type="button" role="radio" aria-checked={kind === k} className={kind === k ? 'segment is-on' : 'segment'} onClick={() => setKind(k)}>
              {k === 'bar' ? 'Bars' : 'Line'}
            </button>
          ))}
        </div>
        <label className="chart-control">
          <span className="hs-caption">Group by</span>
          <Select value={data?.groupBy ?? groupBy ?? ''} options={columns.map((c) => ({ value: c, label: c }))} onChange={setGroupBy} aria-label="Group by" />
        </label>
        <label className="chart-control">
          <span className="hs-caption">Measure</span>
          <Select value={data?.measure ?? measure ?? 'count'} options={MEASURES} onChange={(m) => setMeasure(m)} aria-label="Measure" />
        </label>
        {data && data.measure !== 'count' && (
          <label className="chart-control">
            <span className="hs-caption">Column</span>
            <Select value={data.valueColumn ?? ''} options={data.numericColumns.length ? data.numericColumns.map((c) => ({ value: c, label: c })) : [{ value: '', label: 'No number columns' }]} onChange={setValueColumn} aria-label="Value column" />
          </label>
        )}
      </div>
      <figure className="chart-figure">
        <figcaption className="chart-title">{title}</figcaption>
        {!data ? <Spinner label="Drawing the chart" /> : kind === 'bar' ? <BarChart points={data.points} title={title} valueLabel={valueLabel} /> : <LineChart points={data.points} title={title} valueLabel={valueLabel} />}
      </figure>
    </Modal>
  );
}
