import { useId, type ReactElement } from 'react';
import type { TransformDraft } from '../../../../shared/ipc/channels/mappings';
import { Button, Select } from '../../components';
import { TRANSFORMS, transformLabel } from './model';

interface TransformsEditorProps {
  transforms: TransformDraft[];
  onChange: (ts: TransformDraft[]) => void;
  /** Name of the field, for labels ("Transforms of FirstName"). */
  field: string;
}

/** The transforms in the order they run on push (a pull undoes them in reverse). */
export function TransformsEditor({ transforms, onChange, field }: TransformsEditorProps): ReactElement {
  const id = useId();
  const set = (i: number, t: TransformDraft) => onChange(transforms.map((x, j) => (j === i ? t : x)));
  const move = (i: number, by: number) => {
    const next = [...transforms];
    const [t] = next.splice(i, 1);
    next.splice(i + by, 0, t);
    onChange(next);
  };
  return (
    <div className="transforms">
      {transforms.length === 0 && <p className="muted">Values go as they are.</p>}
      <ol className="transform-list">
        {transforms.map((t, i) => (
          <li key={`${t.kind}-${i}`} className="transform">
            <span className="transform-step" aria-hidden="true">
              {i + 1}
            </span>
            <span className="transform-name">{transformLabel(t)}</span>
            {t.kind === 'dateFormat' && (
              <input
                className="input input-sm mono"
                aria-label={`Date pattern of ${field}`}
                value={t.pattern}
                spellCheck={false}
                onChange={(e) => set(i, { ...t, pattern: e.target.value })}
              />
            )}
            {t.kind === 'default' && (
              <input className="input input-sm" aria-label={`Default value of ${field}`} value={t.value} onChange={(e) => set(i, { ...t, value: e.target.value })} />
            )}
            <span className="transform-actions">
              <Button size="sm" variant="ghost" icon="arrowUp" aria-label={`Move ${transformLabel(t)} up`} disabled={i === 0} onClick={() => move(i, -1)} />
              <Button size="sm" variant="ghost" icon="arrowDown" aria-label={`Move ${transformLabel(t)} down`} disabled={i === transforms.length - 1} onClick={() => move(i, 1)} />
              <Button size="sm" variant="ghost" icon="close" aria-label={`Remove ${transformLabel(t)}`} onClick={() => onChange(transforms.filter((_, j) => j !== i))} />
            </span>
          </li>
        ))}
      </ol>
      <div className="transform-add">
        <label htmlFor={id} className="sr-only">
          Add a transform to {field}
        </label>
        <Select
          id={id}
          value=""
          options={[{ value: '', label: 'Add a transform…' }, ...TRANSFORMS.map((t) => ({ value: t.key, label: t.label }))]}
          onChange={(key) => {
            const t = TRANSFORMS.find((x) => x.key === key);
            if (t && transforms.length < 10) onChange([...transforms, t.make()]);
          }}
        />
      </div>
    </div>
  );
}
