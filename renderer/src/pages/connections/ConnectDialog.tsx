import { useState, type FormEvent, type ReactElement } from 'react';
import { Button, FieldRow, Modal, Spinner, Tabs } from '../../components';
import type { ConnectionView, ProviderInfo } from '../../../../shared/ipc/channels/connections';
import { ConnectFields, initialValues, missingFields, type FieldValues } from './ConnectFields';
import { useConnections } from './store';

interface Props {
  provider: ProviderInfo;
  /** Reconnecting this connection; absent: a new one (or the provider's first). */
  connection?: ConnectionView;
  asNew?: boolean;
  onClose: () => void;
}

type Method = 'oauth' | 'token';

const previousValues = (c?: ConnectionView): FieldValues =>
  c ? { loginUrl: c.loginUrl ?? undefined, clientId: c.clientId ?? undefined, domain: c.domain ?? undefined } : {};

/** Connect or reconnect one provider: a browser sign-in or a pasted token, as the provider offers. */
export function ConnectDialog({ provider, connection, asNew, onClose }: Props): ReactElement {
  const methods = provider.authMethods;
  const [method, setMethod] = useState<Method>((connection?.authKind as Method | undefined) ?? methods[0].kind);
  const spec = methods.find((m) => m.kind === method) ?? methods[0];
  const [values, setValues] = useState<FieldValues>(() => initialValues(spec.fields, previousValues(connection)));
  const [submitting, setSubmitting] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  // Two orgs of one CRM (production, sandbox) are told apart by this name everywhere in the app.
  const [label, setLabel] = useState(connection?.label ?? '');
  const pending = useConnections((s) => s.pending[provider.id]);
  const attemptError = useConnections((s) => s.attemptError[provider.id]);
  const { signIn, connectToken, cancel, clearAttemptError } = useConnections.getState();

  const switchMethod = (m: Method): void => {
    setMethod(m);
    const next = methods.find((x) => x.kind === m)!;
    setValues(initialValues(next.fields, { ...previousValues(connection), ...values }));
    setFormError(null);
    clearAttemptError(provider.id);
  };

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const missing = missingFields(spec.fields, values);
    if (missing.length) {
      setFormError(`Fill in: ${missing.join(', ')}.`);
      return;
    }
    setFormError(null);
    setSubmitting(true);
    const input = Object.fromEntries(Object.entries(values).filter(([, v]) => v?.trim())) as FieldValues;
    const base = { provider: provider.id, connectionId: connection?.id, asNew: asNew || undefined, label: label.trim() || undefined, ...input };
    if (method === 'token') {
      const { token = '', ...rest } = base;
      if (await connectToken({ ...rest, token })) onClose();
    } else {
      await signIn(base);
    }
    setSubmitting(false);
  };

  const title = connection ? `Reconnect ${connection.label}` : asNew ? `Add another ${provider.displayName} connection` : `Connect ${provider.displayName}`;
  if (pending) {
    return (
      <Modal open title={title} onClose={() => void cancel(provider.id)} footer={<Button onClick={() => void cancel(provider.id)}>Cancel sign-in</Button>}>
        <div className="connect-waiting" role="status" aria-live="polite">
          <Spinner label="Waiting for the browser" />
          <p>
            {pending.openedBrowser ? `Finish signing in to ${provider.displayName} in your browser, then come back here.` : `Open the ${provider.displayName} sign-in page, approve access, then come back here.`}
          </p>
          <p>
            <a className="btn btn-primary" href={pending.authorizeUrl} target="_blank" rel="noopener noreferrer">
              Open the sign-in page
            </a>
          </p>
          <p className="muted">This window updates by itself when the sign-in is done. It gives up after a few minutes.</p>
        </div>
      </Modal>
    );
  }

  return (
    <Modal
      open
      wide
      title={title}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Close</Button>
          <Button variant="primary" type="submit" form="connect-form" busy={submitting}>
            {method === 'oauth' ? 'Continue in browser' : 'Connect'}
          </Button>
        </>
      }
    >
      <form id="connect-form" onSubmit={(e) => void submit(e)} noValidate>
        {methods.length > 1 ? (
          <Tabs label="How to connect" active={method} onChange={switchMethod} tabs={methods.map((m) => ({ key: m.kind, label: m.label }))}>
            <MethodBody help={spec.help} />
          </Tabs>
        ) : (
          <MethodBody help={spec.help} />
        )}
        <ConnectFields fields={spec.fields} values={values} onChange={(k, v) => setValues((prev) => ({ ...prev, [k]: v }))} />
        <FieldRow label="Name in this app" description={`Shown wherever you pick a connection. Leave empty for “${provider.displayName} · <org or user>”.`}>
          {({ id, describedBy }) => (
            <input id={id} aria-describedby={describedBy} className="input input-wide" maxLength={100} placeholder="e.g. Production, Sandbox" value={label} onChange={(e) => setLabel(e.target.value)} />
          )}
        </FieldRow>
        {(formError ?? attemptError) && (
          <p className="connect-error" role="alert">
            {formError ?? attemptError}
          </p>
        )}
      </form>
    </Modal>
  );
}

const MethodBody = ({ help }: { help: string }): ReactElement => <p className="connect-help">{help}</p>;
