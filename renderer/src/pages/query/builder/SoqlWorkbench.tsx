import { useState, type ReactElement, type ReactNode } from 'react';
import { cx } from '../../../components';
import { BuilderIcon } from './BuilderIcon';
import { SoqlBuilder, type Section } from './SoqlBuilder';
import { useBuilderSync } from './use-builder-sync';
import { useFieldCatalog, type LoadFields } from './use-field-catalog';
import './builder.css';

interface SoqlWorkbenchProps {
  connectionId: string;
  objects: Array<{ name: string; label: string }>;
  soql: string;
  onSoql: (text: string) => void;
  loadFields: LoadFields;
  /** The SOQL editor. */
  children: ReactNode;
}

const OPEN_KEY = 'query.builder.open';

/** The builder beside the SOQL editor; it folds away to a rail and remembers which. */
export function SoqlWorkbench({ connectionId, objects, soql, onSoql, loadFields, children }: SoqlWorkbenchProps): ReactElement {
  const [open, setOpen] = useState(() => localStorage.getItem(OPEN_KEY) !== 'false');
  const catalog = useFieldCatalog(loadFields, connectionId, objects);
  // Kept while the panel is folded, so opening it again shows the builder where it was.
  const sync = useBuilderSync(soql, onSoql);
  const [section, setSection] = useState<Section>('fields');
  const show = (on: boolean) => {
    localStorage.setItem(OPEN_KEY, String(on));
    setOpen(on);
  };
  return (
    <div className={cx('soql-workbench', open && 'with-builder')}>
      {open ? (
        <SoqlBuilder objects={objects} catalog={catalog} sync={sync} section={section} onSection={setSection} onCollapse={() => show(false)} />
      ) : (
        <button type="button" className="qb-rail" aria-label="Show the query builder" title="Show the query builder" onClick={() => show(true)}>
          <BuilderIcon name="columns" />
          <span>Builder</span>
        </button>
      )}
      <div className="soql-workbench-editor">{children}</div>
    </div>
  );
}
