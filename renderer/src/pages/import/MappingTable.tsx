import type { ReactElement } from 'react';
import { importTargetLabels, importTargets, type ImportMapping, type ImportPreview, type ImportTarget } from '../../../../shared/ipc/channels/import';
import { Card, Select, type SelectOption } from '../../components';
import { useImport } from './store';

const targetOptions: SelectOption<ImportTarget>[] = importTargets.map((t) => ({ value: t, label: importTargetLabels[t] }));

/** The first rows as parsed, with each column's destination chosen in its header. */
export function MappingTable({ preview, mapping }: { preview: ImportPreview; mapping: ImportMapping }): ReactElement {
  const setTarget = useImport((s) => s.setTarget);
  const renamed = new Map(preview.renamedHeaders.map((r) => [r.index, r.from]));
  return (
    <Card title="Columns" description="Where each column goes. Columns you do not map are kept as custom fields unless you choose Ignore." flush>
      <div className="import-grid-wrap">
        <table className="table table-dense import-grid" aria-label="Column mapping and first rows">
          <thead>
            <tr>
              <th scope="col" className="import-line">
                Line
              </th>
              {mapping.columns.map((c) => (
                <th key={c.index} scope="col">
                  <div className="import-col-head" title={renamed.has(c.index) ? `Renamed from "${renamed.get(c.index)}"` : undefined}>
                    <span className="import-col-name">{c.header}</span>
                    <Select
                      aria-label={`Map column ${c.header}`}
                      className="import-col-select"
                      value={c.target}
                      options={targetOptions}
                      onChange={(t) => setTarget(c.index, t)}
                    />
                  </div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.sampleRows.map((r) => (
              <tr key={r.line}>
                <td className="import-line">{r.line}</td>
                {mapping.columns.map((c) => (
                  <td key={c.index} className={c.target === 'ignore' ? 'import-cell-ignored' : undefined}>
                    <span className="import-cell">{r.cells[c.index]}</span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
