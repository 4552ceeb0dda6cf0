import type { ReactElement } from 'react';
import { EmptyState } from '../components/EmptyState';

/** Shown instead of the app when the browser host's page was opened without its session token. */
export function NoTokenScreen(): ReactElement {
  return (
    <main className="no-token">
      <EmptyState icon="link" title="Open the app from its own link">
        <p>
          For your safety this page only works with the private address the app printed when it started (it ends
          in <code>?token=…</code>). Run <code>npm start</code> again and open the address it prints.
        </p>
      </EmptyState>
    </main>
  );
}
