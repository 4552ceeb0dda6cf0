import type { ReactElement } from 'react';
import { Badge, Button, Modal, Spinner } from '../../components';
import type { DryRunObject, DryRunSample } from '../../../../shared/ipc/channels/sync';
import { useSync } from './store';

const opTone = { create: 'success', update: 'accent', skip: 'neutral', invalid: 'danger' } as const;

function Sample({ s }: { s: DryRunSample }): ReactElement {
  return (
    <details className="dry-sample">
      <summary>
        <Badge tone={opTone[s.operation]}>{s.operation}</Badge>
        <span className="dry-sample-label">{s.label ?? `#${s.localId}`}</span>
        {s.externalId && <span className="mono muted">{s.externalId}</span>}
      </summary>
      {s.issues.length > 0 && (
        <ul className="dry-issues">
          {s.issues.map((i, k) => (
            <li key={k} className={i.severity === 'error' ? 'sync-item-error' : 'muted'}>
              <span className="mono sync-item-code">{i.code}{i.crmField ? ` · ${i.crmField}` : ''}</span>
              {i.message}
            </li>
          ))}
        </ul>
      )}
      <pre className="dry-payload">{JSON.stringify(s.fields, null, 2)}</pre>
    </details>
  );
}

function ObjectReport({ o }: { o: DryRunObject }): ReactElement {
  return (
    <section className="dry-object" aria-label={`${o.label}: ${o.create} to create, ${o.update} to update, ${o.skip} unchanged, ${o.invalid} invalid`}>
      <header className="dry-object-head">
        <h3>
          {o.label} <span className="mono muted">{o.object}</span>
        </h3>
        <span className="dry-counts">
          <span className="dry-count dry-create"><strong>{o.create.toLocaleString()}</strong> create</span>
          <span className="dry-count dry-update"><strong>{o.update.toLocaleString()}</strong> update</span>
          <span className="dry-count"><strong>{o.skip.toLocaleString()}</strong> skip</span>
          <span className="dry-count dry-invalid"><strong>{o.invalid.toLocaleString()}</strong> invalid</span>
        </span>
      </header>
      {o.samples.length > 0 && (
        <div className="dry-samples">
          {o.samples.map((s) => (
            <Sample key={`${s.operation}-${s.localId}`} s={s} />
          ))}
        </div>
      )}
    </section>
  );
}

/** What a push would create, update and skip per object, with sample payloads; nothing is sent. */
export function DryRunDialog(): ReactElement {
  const dry = useSync((s) => s.dryRun);
  const close = useSync((s) => s.closePreview);
  const push = useSync((s) => s.push);
  const report = dry?.report;
  const nothing = report && report.objects.every((o) => o.create + o.update + o.invalid === 0);
  return (
    <Modal
      open={dry !== null}
      title={`Preview: push to ${dry?.label ?? ''}`}
      onClose={close}
      wide
      footer={
        <>
          <Button variant="ghost" onClick={close}>
            Close
          </Button>
          <Button
            variant="primary"
            icon="upload"
            disabled={!report || nothing === true}
            onClick={() => {
              if (dry) void push(dry.connectionId, dry.object ?? undefined);
              close();
            }}
          >
            Push now
          </Button>
        </>
      }
    >
      {!dry ? null : dry.error ? (
        <p className="sync-item-error">{dry.error}</p>
      ) : !report ? (
        <Spinner label="Working out what the push would do (reads only)" />
      ) : (
        <div className="dry-report">
          <p className="muted">
            Nothing has been sent. {report.reads > 0 ? `${report.reads} read${report.reads === 1 ? '' : 's'} told new records from ones the CRM already has. ` : ''}
            {nothing ? 'Every record is up to date.' : 'Open a sample to see the exact fields that would be sent.'}
          </p>
          {report.objects.map((o) => (
            <ObjectReport key={o.object} o={o} />
          ))}
        </div>
      )}
    </Modal>
  );
}
