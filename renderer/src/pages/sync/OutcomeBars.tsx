import type { ReactElement } from 'react';
import type { RunCounts } from '../../../../shared/ipc/channels/sync';

export const outcomes = [
  { key: 'created', label: 'Created', tone: 'success' },
  { key: 'updated', label: 'Updated', tone: 'accent' },
  { key: 'unchanged', label: 'Unchanged', tone: 'neutral' },
  { key: 'skipped', label: 'Skipped', tone: 'muted' },
  { key: 'deleted', label: 'Deleted', tone: 'warning' },
  { key: 'failed', label: 'Failed', tone: 'danger' },
] as const;

type Counts = Pick<RunCounts, (typeof outcomes)[number]['key']>;

const describe = (c: Counts) =>
  outcomes
    .filter((o) => c[o.key] > 0)
    .map((o) => `${c[o.key].toLocaleString()} ${o.label.toLowerCase()}`)
    .join(', ') || 'nothing';

/** One thin stacked bar of a run's outcomes, for a table cell. */
export function OutcomeStrip({ counts }: { counts: Counts }): ReactElement {
  const total = outcomes.reduce((n, o) => n + counts[o.key], 0);
  return (
    <div className="outcome-strip" role="img" aria-label={`Outcomes: ${describe(counts)}`}>
      {total === 0 ? (
        <span className="outcome-strip-empty" />
      ) : (
        outcomes.map((o) => (counts[o.key] > 0 ? <span key={o.key} className={`outcome-seg outcome-${o.tone}`} style={{ flexGrow: counts[o.key] }} /> : null))
      )}
    </div>
  );
}

/** A small bar chart of one run's outcomes, a bar per outcome with its count. */
export function OutcomeChart({ counts, title }: { counts: Counts; title: string }): ReactElement {
  const max = Math.max(1, ...outcomes.map((o) => counts[o.key]));
  return (
    <figure className="outcome-chart" aria-label={`${title}: ${describe(counts)}`}>
      <figcaption className="outcome-chart-title">{title}</figcaption>
      <ul className="outcome-bars">
        {outcomes.map((o) => (
          <li key={o.key} className="outcome-bar-row">
            <span className="outcome-bar-label">{o.label}</span>
            <span className="outcome-bar-track" aria-hidden="true">
              <span className={`outcome-bar outcome-${o.tone}`} style={{ width: `${(counts[o.key] / max) * 100}%` }} />
            </span>
            <span className="outcome-bar-value">{counts[o.key].toLocaleString()}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
