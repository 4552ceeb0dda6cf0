import { useId, type ReactElement, type ReactNode } from 'react';

interface FieldRowProps {
  label: string;
  /** One line under the label saying what the setting does. */
  description?: ReactNode;
  error?: string | null;
  /** Receives the ids to put on the control so label, description and error are announced with it. */
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
  /** Right-aligned status, e.g. "Saved". */
  status?: ReactNode;
}

/** A labelled form row: label and help text on the left, the control on the right. */
export function FieldRow({ label, description, error, children, status }: FieldRowProps): ReactElement {
  const id = useId();
  const descId = description ? `${id}-desc` : undefined;
  const errId = error ? `${id}-err` : undefined;
  const describedBy = [descId, errId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field-row">
      <div className="field-text">
        <label className="field-label" htmlFor={id}>
          {label}
        </label>
        {description && (
          <p id={descId} className="field-description">
            {description}
          </p>
        )}
      </div>
      <div className="field-control">
        <div className="field-control-line">
          {children({ id, describedBy, invalid: Boolean(error) })}
          {status && <span className="field-status">{status}</span>}
        </div>
        {error && (
          <p id={errId} className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
