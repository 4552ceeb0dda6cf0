import { useId, type ReactElement } from 'react';
import type { ConflictPolicyName, MappingState, MatchKeyDraft, ObjectMappingDraft } from '../../../../shared/ipc/channels/mappings';
import { Select, Switch } from '../../components';
import { LocalFieldSelect } from './LocalFieldSelect';
import { pushes } from './model';

interface ObjectSettingsProps {
  loaded: MappingState;
  draft: ObjectMappingDraft;
  edit: (change: (d: ObjectMappingDraft) => ObjectMappingDraft) => void;
}

const POLICY_LABELS: Record<ConflictPolicyName, string> = { 'crm-wins': 'CRM wins', 'local-wins': 'Local wins', 'newest-wins': 'Newest change wins' };
const KEY_LABELS: Record<MatchKeyDraft['kind'], string> = { email: 'Email address', externalId: 'External id field', crmId: 'Stored CRM id' };

/** The local field that best identifies a record of each kind, for a new external-id key. */
const keyField: Record<string, string> = { person: 'email', order: 'orderKey', company: 'name' };

function keyOfKind(kind: MatchKeyDraft['kind'], loaded: MappingState, draft: ObjectMappingDraft): MatchKeyDraft {
  const emailField = loaded.fields.find((f) => f.type === 'email')?.name ?? 'email';
  const external = loaded.fields.find((f) => f.externalId && f.name !== loaded.idField)?.name ?? loaded.matchFields.find((f) => f !== loaded.idField) ?? '';
  if (kind === 'email') return { kind, crm: emailField, local: 'email' };
  if (kind === 'externalId') return { kind, crm: external, local: keyField[draft.localKind] ?? 'id' };
  return { kind };
}

/** How records are matched, whether the object syncs at all, and who wins a conflict. */
export function ObjectSettings({ loaded, draft, edit }: ObjectSettingsProps): ReactElement {
  const id = useId();
  const key = draft.matchKey;
  const localKind = loaded.localKinds.find((k) => k.kind === draft.localKind);
  const keyCandidates = loaded.fields.filter((f) => (key.kind === 'email' ? f.type === 'email' || f.type === 'string' : f.externalId || f.unique) && f.name !== loaded.idField);
  const pushed = [...new Set(draft.fields.filter(pushes).map((f) => f.crm))];
  const setKey = (k: MatchKeyDraft) => edit((d) => ({ ...d, matchKey: k }));
  const findBy = key.kind === 'email' ? undefined : key.findBy;

  return (
    <div className="object-settings">
      <div className="setting">
        <label htmlFor={`${id}-on`} className="setting-label">
          Sync this object
        </label>
        <div className="setting-control">
          <Switch id={`${id}-on`} checked={draft.enabled} onChange={(enabled) => edit((d) => ({ ...d, enabled }))} />
          <span className="muted">{draft.enabled ? `${localKind?.label ?? draft.localKind} records go to ${loaded.label}` : 'Off: nothing is pushed or pulled'}</span>
        </div>
      </div>

      <div className="setting">
        <label htmlFor={`${id}-policy`} className="setting-label">
          When both sides changed
        </label>
        <div className="setting-control">
          <Select
            id={`${id}-policy`}
            value={draft.conflictPolicy ?? ''}
            options={[
              { value: '', label: `App setting (${POLICY_LABELS[loaded.defaultConflictPolicy as ConflictPolicyName] ?? loaded.defaultConflictPolicy})` },
              ...(Object.keys(POLICY_LABELS) as ConflictPolicyName[]).map((p) => ({ value: p, label: POLICY_LABELS[p] })),
            ]}
            onChange={(p) => edit((d) => ({ ...d, conflictPolicy: p === '' ? undefined : (p as ConflictPolicyName) }))}
          />
        </div>
      </div>
      <div className="setting setting-wide">
        <label htmlFor={`${id}-key`} className="setting-label">
          Match records by
        </label>
        <div className="setting-control setting-wrap">
          <Select
            id={`${id}-key`}
            value={key.kind}
            options={(Object.keys(KEY_LABELS) as MatchKeyDraft['kind'][]).map((k) => ({ value: k, label: KEY_LABELS[k] }))}
            onChange={(k) => setKey(keyOfKind(k, loaded, draft))}
          />
          {key.kind !== 'crmId' && (
            <>
              <Select
                aria-label="CRM field to match on"
                value={key.crm}
                options={[...new Set([key.crm, ...keyCandidates.map((f) => f.name)])].filter(Boolean).map((n) => ({ value: n, label: loaded.fields.find((f) => f.name === n)?.label ? `${loaded.fields.find((f) => f.name === n)!.label} (${n})` : n }))}
                onChange={(crm) => setKey({ ...key, crm })}
              />
              <span className="setting-eq" aria-hidden="true">
                =
              </span>
              <LocalFieldSelect label="Local field to match on" value={key.local} kind={localKind} onChange={(local) => setKey({ ...key, local })} />
            </>
          )}
        </div>
      </div>

      {key.kind !== 'email' && (
        <div className="setting setting-wide">
          <label htmlFor={`${id}-find`} className="setting-label">
            Before creating, look for
          </label>
          <div className="setting-control">
            <Select
              id={`${id}-find`}
              value={findBy ?? ''}
              options={[{ value: '', label: 'Nothing: create a new record' }, ...[...new Set([...(findBy ? [findBy] : []), ...pushed])].map((n) => ({ value: n, label: `A record with the same ${n}` }))]}
              onChange={(v) => setKey(v ? { ...key, findBy: v } : key.kind === 'externalId' ? { kind: 'externalId', crm: key.crm, local: key.local } : { kind: 'crmId' })}
            />
          </div>
        </div>
      )}

    </div>
  );
}
