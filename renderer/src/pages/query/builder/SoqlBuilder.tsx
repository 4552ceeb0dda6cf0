import type { ReactElement } from 'react';
import { filterComplete, isGroup, newModel, type BuilderModel } from '../../../../../shared/query-builder';
import { Button, Icon, Spinner, Tabs } from '../../../components';
import { BuilderIcon } from './BuilderIcon';
import { FieldChecklist, SelectedChips } from './FieldChecklist';
import { ObjectPicker } from './FieldPickers';
import { FiltersPanel } from './FiltersPanel';
import { SortPanel } from './SortPanel';
import type { BuilderSync } from './use-builder-sync';
import type { FieldCatalog } from './use-field-catalog';

export type Section = 'fields' | 'filters' | 'sort';

interface SoqlBuilderProps {
  objects: Array<{ name: string; label: string }>;
  catalog: FieldCatalog;
  sync: BuilderSync;
  /** The open section: kept by the parent so folding the panel does not forget it. */
  section: Section;
  onSection: (section: Section) => void;
  onCollapse: () => void;
}

const filterCount = (m: BuilderModel) => m.where.items.reduce((n, item) => n + (isGroup(item) ? item.filters.filter(filterComplete).length : filterComplete(item) ? 1 : 0), 0);

/**
 * The visual query builder: the object, the fields to select (parent fields through lookups),
 * filters, sort and limit. Every change is written into the SOQL editor beside it.
 */
export function SoqlBuilder({ objects, catalog, sync, section, onSection, onCollapse }: SoqlBuilderProps): ReactElement {
  const { model, state } = sync;
  const paused = state.kind === 'paused';
  const set = (patch: Partial<BuilderModel>) => model && sync.edit({ ...model, ...patch });

  return (
    <section className="qb" aria-label="Query builder">
      <header className="qb-head">
        <span className="qb-title">
          <BuilderIcon name="columns" />
          Builder
        </span>
        <span className={paused ? 'qb-status is-paused' : 'qb-status'} role="status">
          {state.kind === 'reading' ? 'Reading…' : paused ? 'Paused' : 'Live'}
        </span>
        <span className="qb-head-actions">
          {model && !paused && (
            <Button size="sm" variant="ghost" title={`A new query on ${model.object}: Id only, no filters`} onClick={() => sync.edit(newModel(model.object))}>
              <BuilderIcon name="reset" size={14} />
              Clear
            </Button>
          )}
          <button type="button" className="icon-button" aria-label="Hide the builder" title="Hide the builder" onClick={onCollapse}>
            <BuilderIcon name="panelLeft" />
          </button>
        </span>
      </header>
      {state.kind === 'paused' && <PausedNotice sync={sync} />}
      <div className="qb-body" inert={paused}>
        {state.kind === 'reading' && !model ? (
          <Spinner label="Reading the query" />
        ) : (
          <>
            <div className="qb-object">
              <ObjectPicker objects={objects} value={model?.object ?? ''} onChange={(object) => sync.edit(newModel(object))} />
            </div>
            {model && !objects.some((o) => o.name.toLowerCase() === model.object.toLowerCase()) ? (
              <p className="qb-empty">“{model.object}” is not an object this connection can query.</p>
            ) : model ? (
              <Tabs<Section>
                label="Builder sections"
                active={section}
                onChange={onSection}
                tabs={[
                  { key: 'fields', label: 'Fields', count: model.fields.length },
                  { key: 'filters', label: 'Filters', count: filterCount(model) },
                  { key: 'sort', label: 'Sort & limit' },
                ]}
              >
                <div className="qb-section">
                  {section === 'fields' && (
                    <>
                      <SelectedChips selected={model.fields} onChange={(fields) => set({ fields })} />
                      <FieldChecklist base={model.object} catalog={catalog} selected={model.fields} onChange={(fields) => set({ fields })} />
                    </>
                  )}
                  {section === 'filters' && <FiltersPanel base={model.object} catalog={catalog} where={model.where} onChange={(where) => set({ where })} />}
                  {section === 'sort' && <SortPanel base={model.object} catalog={catalog} orderBy={model.orderBy} limit={model.limit} onChange={(patch) => set(patch)} />}
                </div>
              </Tabs>
            ) : (
              <p className="qb-empty">Pick an object to start a query.</p>
            )}
          </>
        )}
      </div>
    </section>
  );
}

function PausedNotice({ sync }: { sync: BuilderSync }): ReactElement | null {
  if (sync.state.kind !== 'paused') return null;
  const { reading } = sync.state;
  const why = reading.error ? 'The SOQL does not parse yet: the problems are listed under the editor.' : `The builder cannot show ${listWords(reading.unsupported)}.`;
  const dropped = reading.unsupported.length ? `Drops ${listWords(reading.unsupported)}` : '';
  return (
    <div className="qb-paused" role="alert">
      <Icon name="pause" size={15} className="qb-paused-icon" />
      <div className="qb-paused-text">
        <strong>Edited by hand — builder paused</strong>
        <span>{why}</span>
      </div>
      <div className="qb-paused-actions">
        <Button size="sm" disabled={!reading.model} title={reading.model ? `Takes what the builder can show from the SOQL. ${dropped}`.trim() : 'Fix the SOQL first'} onClick={sync.resetFromSoql}>
          Reset from SOQL
        </Button>
        <Button size="sm" variant="primary" disabled={!sync.canRebuild} title="Writes the builder’s query over the edited SOQL" onClick={sync.rebuild}>
          Rebuild
        </Button>
      </div>
    </div>
  );
}

function listWords(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
