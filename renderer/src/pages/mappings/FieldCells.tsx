import type { ReactElement } from 'react';
import type { CrmFieldView, FieldMappingDraft, LocalFieldView, LocalKindView, MappingIssueView } from '../../../../shared/ipc/channels/mappings';
import { Badge, Icon } from '../../components';
import { pushes, sourceKind, transformLabel, typeLabel } from './model';

/** A CRM field as the grid's right column shows it: name, API name, type, and what the CRM allows. */
export function CrmFieldCell({ crm, name }: { crm: CrmFieldView | undefined; name: string }): ReactElement {
  if (!crm) {
    return (
      <div className="cell-field">
        <span className="cell-field-label">
          <span className="mono">{name}</span>
        </span>
        <span className="cell-field-badges">
          <Badge tone="danger">not in the CRM</Badge>
        </span>
      </div>
    );
  }
  return (
    <div className="cell-field">
      <span className="cell-field-label">
        {crm.label}
        {crm.required && crm.createable && (
          <span className="required-mark" title="Required by the CRM when a record is created">
            <span aria-hidden="true">*</span>
            <span className="sr-only"> (required)</span>
          </span>
        )}
      </span>
      <span className="cell-field-name mono">{crm.name}</span>
      <span className="cell-field-badges">
        <Badge tone="neutral" title={`CRM type: ${crm.vendorType}`}>
          {typeLabel(crm.type)}
          {crm.length !== undefined && ['string', 'textarea', 'email', 'phone', 'url'].includes(crm.type) ? ` · ${crm.length}` : ''}
        </Badge>
        {crm.calculated ? (
          <Badge tone="warning" title="Calculated by the CRM: it can only be pulled">
            formula · pull only
          </Badge>
        ) : !crm.pushable ? (
          <Badge tone="warning" title="The CRM does not let this app write it: it can only be pulled">
            read-only · pull only
          </Badge>
        ) : null}
        {crm.externalId && <Badge tone="info">external id</Badge>}
        {crm.picklist && crm.picklist.length > 0 && <Badge tone="accent">{crm.picklist.filter((o) => o.active).length} values</Badge>}
        {crm.reference && <Badge tone="accent">→ {crm.reference.targets.join(' / ') || 'record'}</Badge>}
      </span>
    </div>
  );
}

export function LocalFieldCell({ field }: { field: LocalFieldView }): ReactElement {
  return (
    <div className="cell-field">
      <span className="cell-field-label">{field.label}</span>
      <span className="cell-field-name mono">{field.name}</span>
      <span className="cell-field-badges">
        <Badge>{typeLabel(field.type)}</Badge>
        {field.custom && <Badge tone="accent">custom</Badge>}
        {!field.writable && (
          <Badge tone="neutral" title="Kept by the app (ids, totals, derived values): push only">
            push only
          </Badge>
        )}
      </span>
    </div>
  );
}

/** Where a mapped field's value comes from, and the rules shaping it, in one compact cell. */
export function SourceCell({ fm, kind }: { fm: FieldMappingDraft; kind: LocalKindView | undefined }): ReactElement {
  const src = sourceKind(fm);
  const extras = [
    ...(fm.transforms ?? []).map(transformLabel),
    ...(fm.valueMap ? [`${Object.keys(fm.valueMap.values).length} mapped ${Object.keys(fm.valueMap.values).length === 1 ? 'value' : 'values'}`] : []),
    ...(pushes(fm) && fm.onlyFillBlanks ? ['only fill blanks'] : []),
    ...(pushes(fm) && fm.neverClear === false ? ['may clear'] : []),
  ];
  let main: ReactElement;
  if (src === 'local') {
    const field = kind?.fields.find((f) => f.name === fm.local);
    main = field ? (
      <LocalFieldCell field={field} />
    ) : (
      <div className="cell-field">
        <span className="cell-field-label mono">{fm.local}</span>
        <span className="cell-field-badges">
          <Badge tone="danger">unknown local field</Badge>
        </span>
      </div>
    );
  } else {
    const text = src === 'constant' ? JSON.stringify(fm.constant) : src === 'template' ? fm.template : `${fm.lookup?.object} id of ${fm.lookup?.localField}`;
    main = (
      <div className="cell-field">
        <span className="cell-field-label">
          <Badge tone="info">{src === 'lookup' ? 'lookup' : src}</Badge>
          <span className="cell-field-value mono" title={text}>
            {text}
          </span>
        </span>
      </div>
    );
  }
  return (
    <div className="cell-source">
      {main}
      {extras.length > 0 && (
        <span className="cell-extras">
          <Icon name="sparkles" size={12} />
          {extras.join(' · ')}
        </span>
      )}
    </div>
  );
}

/** Problems of one row, right under it: errors block saving, warnings only say what to watch. */
export function RowIssues({ id, issues }: { id: string; issues: MappingIssueView[] }): ReactElement | null {
  if (issues.length === 0) return null;
  return (
    <ul id={id} className="row-issues">
      {issues.map((i, n) => (
        <li key={`${i.code}-${n}`} className={`row-issue row-issue-${i.severity}`}>
          <Icon name={i.severity === 'error' ? 'alert' : 'info'} size={13} />
          <span>
            <span className="sr-only">{i.severity === 'error' ? 'Error: ' : 'Warning: '}</span>
            {i.message}
          </span>
        </li>
      ))}
    </ul>
  );
}
