import type { ReactElement } from 'react';
import { useToasts, type Toast as ToastData } from '../stores/toasts';
import { Icon, type IconName } from './Icon';

const toneIcon: Record<ToastData['tone'], IconName> = { error: 'alert', success: 'checkCircle', info: 'info' };

function Toast({ toast, onDismiss }: { toast: ToastData; onDismiss: () => void }): ReactElement {
  return (
    <div className={`toast toast-${toast.tone}`} role={toast.tone === 'error' ? 'alert' : 'status'}>
      <Icon name={toneIcon[toast.tone]} size={18} className="toast-icon" />
      <div className="toast-message">
        {toast.message}
        {toast.repeats > 1 && <span className="toast-repeats"> ×{toast.repeats}</span>}
      </div>
      <button type="button" className="toast-close" onClick={onDismiss} aria-label="Dismiss notification">
        <Icon name="close" size={14} />
      </button>
    </div>
  );
}

/** Renders the toast store; mounted once by the app shell. */
export function Toaster(): ReactElement {
  const toasts = useToasts((s) => s.toasts);
  const dismiss = useToasts((s) => s.dismiss);
  return (
    <div className="toaster" aria-live="polite">
      {toasts.map((t) => (
        <Toast key={t.id} toast={t} onDismiss={() => dismiss(t.id)} />
      ))}
    </div>
  );
}
