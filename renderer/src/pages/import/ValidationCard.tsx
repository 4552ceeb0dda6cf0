import type { ReactElement, ReactNode } from 'react';
import type { ImportMapping, ImportPreview } from '../../../../shared/ipc/channels/import';
import { Badge, Card, Icon } from '../../components';
import { plural } from '../../lib/format';

type Example = ImportPreview['summary']['invalidEmailExamples'][number];

function Examples({ list }: { list: Example[] }): ReactElement | null {
  if (list.length === 0) return null;
  return (
    <ul className="import-examples">
      {list.map((e) => (
        <li key={`${e.line}-${e.column}`}>
          line {e.line}, {e.column}: <code>{e.value || '(empty)'}</code>
        </li>
      ))}
    </ul>
  );
}

function Item({ tone, children, examples }: { tone: 'ok' | 'warn' | 'bad'; children: ReactNode; examples?: Example[] }): ReactElement {
  const icon = tone === 'ok' ? 'checkCircle' : tone === 'bad' ? 'alert' : 'info';
  return (
    <li className={`import-check import-check-${tone}`}>
      <Icon name={icon} size={16} />
      <div>
        {children}
        {examples && <Examples list={examples} />}
      </div>
    </li>
  );
}

/** What the import will do with the file, read in full before anything is written. */
export function ValidationCard({ preview, mapping }: { preview: ImportPreview; mapping: ImportMapping }): ReactElement {
  const s = preview.summary;
  const targets = new Set(mapping.columns.map((c) => c.target));
  const notices = preview.notices.filter(
    (n) => !(n.code === 'noEvent' && (mapping.event || targets.has('event.name'))) && !(n.code === 'noEmail' && targets.has('person.email')),
  );
  const willReject = s.missingEmail + s.invalidEmails + s.tooLongCells;
  const f = preview.formats;
  return (
    <Card
      title="Check before importing"
      description={`${plural(s.rows, 'row')}, ${plural(s.distinctPeople, 'person', 'people')}`}
      actions={willReject ? <Badge tone="danger">{plural(willReject, 'row')} to reject</Badge> : <Badge tone="success">No rows to reject</Badge>}
    >
      <ul className="import-checks" aria-label="Validation summary">
        {notices.map((n) => (
          <Item key={n.code} tone="bad">
            {n.message}
          </Item>
        ))}
        {s.invalidEmails > 0 && (
          <Item tone="bad" examples={s.invalidEmailExamples}>
            {plural(s.invalidEmails, 'row')} with an invalid email will be rejected.
          </Item>
        )}
        {s.missingEmail > 0 && <Item tone="bad">{plural(s.missingEmail, 'row')} without an email will be rejected.</Item>}
        {s.tooLongCells > 0 && <Item tone="bad">{plural(s.tooLongCells, 'row')} with a cell over 32,767 characters will be rejected.</Item>}
        {s.unparseableDates > 0 && (
          <Item tone="warn" examples={s.unparseableDateExamples}>
            {plural(s.unparseableDates, 'date')} cannot be read as {f.dateExample} and will be left empty.
          </Item>
        )}
        {s.unparseableAmounts > 0 && (
          <Item tone="warn" examples={s.unparseableAmountExamples}>
            {plural(s.unparseableAmounts, 'amount')} cannot be read as {f.amountExample} and will be left empty.
          </Item>
        )}
        {s.unrecognisedValues > 0 && <Item tone="warn">{plural(s.unrecognisedValues, 'value')} (yes/no, statuses, quantities) are not recognised and will be left empty.</Item>}
        {s.duplicateEmails > 0 && (
          <Item tone="warn">
            {plural(s.duplicateEmails, 'person', 'people')} appear on more than one row ({plural(s.duplicateRows, 'extra row')}); their rows merge into one person.
          </Item>
        )}
        {s.raggedRows > 0 && <Item tone="warn">{plural(s.raggedRows, 'row')} have more or fewer cells than the header (padded or trimmed).</Item>}
        {s.formulaCells > 0 && <Item tone="warn">{plural(s.formulaCells, 'cell')} look like spreadsheet formulas; they are kept as plain text.</Item>}
        <Item tone="ok">
          {plural(s.existingPeople, 'person', 'people')} already in your store will be merged; {plural(Math.max(0, s.distinctPeople - s.existingPeople), 'new person', 'new people')}.
        </Item>
        <Item tone="ok">
          Dates read as {f.dateExample}
          {f.dateOrderDetected ? '' : ' (assumed)'}, amounts as {f.amountExample}
          {f.decimalDetected ? '' : ' (assumed)'}.
        </Item>
      </ul>
    </Card>
  );
}
