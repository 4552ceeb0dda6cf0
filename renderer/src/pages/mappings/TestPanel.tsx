import { useEffect, useId, useState, type ReactElement } from 'react';
import { Badge, Button, EmptyState, Icon, Spinner, toast } from '../../components';
import { RowIssues } from './FieldCells';
import { useMappings } from './store';

const json = (v: unknown): string => JSON.stringify(v, null, 2);

async function copy(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    toast.success('Copied the payload.');
  } catch {
    toast.error('The clipboard is not available here: select the text and copy it.');
  }
}

/** Maps one real local record with the mapping as it is now (saved or not) and shows the exact payload. */
export function TestPanel(): ReactElement {
  const id = useId();
  const preview = useMappings((s) => s.preview);
  const busy = useMappings((s) => s.previewing);
  const run = useMappings((s) => s.runPreview);
  const draft = useMappings((s) => s.draft);
  const crmName = useMappings((s) => s.loaded?.label ?? 'the CRM');
  const [search, setSearch] = useState('');

  // The first record, as soon as the panel opens and whenever the mapping changes.
  useEffect(() => {
    const t = setTimeout(() => void useMappings.getState().runPreview(search.trim() ? { search: search.trim() } : {}), 300);
    return () => clearTimeout(t);
    // Search runs on submit; only a changed mapping re-runs by itself, so `search` is left out.
  }, [draft]);

  const payloadText = preview ? json(preview.payload) : '';
  const mappingErrors = useMappings((s) => s.issues.some((i) => i.severity === 'error'));
  const refused = (preview?.issues.some((i) => i.severity === 'error') ?? false) || mappingErrors;
  const waits = preview?.issues.some((i) => i.severity === 'defer') ?? false;

  return (
    <div className="test-panel">
      <form
        className="test-search"
        onSubmit={(e) => {
          e.preventDefault();
          void run(search.trim() ? { search: search.trim() } : {});
        }}
      >
        <label htmlFor={`${id}-q`} className="sr-only">
          Record to test with
        </label>
        <input
          id={`${id}-q`}
          className="input"
          type="search"
          placeholder="Email, name, order number or company (blank: the first record)"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <Button type="submit" variant="primary" icon="play" busy={busy}>
          Map this record
        </Button>
      </form>

      {!preview ? (
        busy ? (
          <Spinner label="Mapping a record" />
        ) : (
          <EmptyState icon="users" title="Pick a record to test" compact>
            <p>The payload shown is exactly what a push would send for it, with the mapping as it is on screen.</p>
          </EmptyState>
        )
      ) : !preview.record ? (
        <EmptyState icon="users" title="No record to map" compact>
          <p>{preview.message}</p>
        </EmptyState>
      ) : (
        <>
          <div className={refused ? 'test-verdict is-error' : waits ? 'test-verdict is-wait' : 'test-verdict is-ok'} role="status">
            <Icon name={refused ? 'alert' : waits ? 'info' : 'checkCircle'} size={16} />
            <div>
              <strong>{preview.record.label}</strong>
              <span className="test-verdict-text">{preview.message}</span>
            </div>
            {preview.externalId ? <Badge tone="success">linked · {preview.externalId}</Badge> : <Badge>not linked yet</Badge>}
          </div>

          {preview.candidates.length > 1 && (
            <div className="test-candidates">
              <span className="muted">Also found:</span>
              {preview.candidates
                .filter((c) => c.localId !== preview.record!.localId)
                .map((c) => (
                  <button key={c.localId} type="button" className="mchip mchip-local" onClick={() => void run({ localId: c.localId, search: search.trim() || undefined })}>
                    {c.label}
                  </button>
                ))}
            </div>
          )}

          <RowIssues id={`${id}-issues`} issues={preview.issues} />

          <div className="test-columns">
            <section aria-labelledby={`${id}-local`} className="test-pane">
              <h3 id={`${id}-local`} className="test-pane-title">
                Local values read
              </h3>
              <dl className="test-values">
                {Object.entries(preview.values).map(([k, v]) => (
                  <div key={k} className="test-value">
                    <dt className="mono">{k}</dt>
                    <dd className={v === null || v === '' ? 'muted' : undefined}>{v === null || v === '' ? 'blank' : typeof v === 'string' ? v : JSON.stringify(v)}</dd>
                  </div>
                ))}
              </dl>
            </section>
            <section aria-labelledby={`${id}-payload`} className="test-pane">
              <div className="test-pane-head">
                <h3 id={`${id}-payload`} className="test-pane-title">
                  Payload sent to {crmName}
                </h3>
                <Button size="sm" variant="ghost" icon="copy" onClick={() => void copy(payloadText)}>
                  Copy
                </Button>
              </div>
              <pre className="json test-payload" aria-label="Payload JSON" tabIndex={0}>
                {payloadText}
              </pre>
              {(preview.match || preview.find) && (
                <p className="test-match muted">
                  {preview.match && (
                    <>
                      Upserted by <code>{preview.match.field}</code> = <code>{preview.match.value}</code>.{' '}
                    </>
                  )}
                  {preview.find && (
                    <>
                      Before creating, looks for <code>{preview.find.field}</code> = <code>{preview.find.value}</code>.
                    </>
                  )}
                </p>
              )}
            </section>
          </div>
        </>
      )}
    </div>
  );
}
