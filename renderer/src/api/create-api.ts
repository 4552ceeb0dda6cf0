import type { Api } from '../../../shared/ipc/api';
import { buildApi } from '../../../shared/ipc/build-api';
import { createWsTransport } from './ws-transport';
import { takeSessionToken } from './token';
import type { LinkStatus } from './link-status';
import { reportFailures, type FailureListener } from './report-failures';

export interface RendererApiOptions {
  onFailure: FailureListener;
  onStatus: (status: LinkStatus) => void;
}

const NO_TOKEN_MESSAGE = 'This page was opened without its session token. Open the address that `npm start` printed.';

/** Without a token every call fails at once with a message that says how to get in. */
function tokenlessApi(): Api {
  return buildApi(
    async () => ({ ok: false, error: { code: 'NO_TOKEN', message: NO_TOKEN_MESSAGE } }),
    () => () => undefined,
  );
}

function browserHostApi(onStatus: RendererApiOptions['onStatus']): Api {
  const token = takeSessionToken();
  if (!token) {
    onStatus('no-token');
    return tokenlessApi();
  }
  const transport = createWsTransport({ token, onStatus });
  return buildApi(transport.invoke, transport.subscribe);
}

/**
 * One `Api` whichever shell hosts the page: the preload's `window.api` inside Electron, else a
 * WebSocket client to the browser host. Both are built by the same `buildApi`, so pages cannot
 * tell them apart.
 */
export function createRendererApi(opts: RendererApiOptions): Api {
  let raw: Api;
  if (window.api) {
    raw = window.api;
    opts.onStatus('open');
  } else {
    raw = browserHostApi(opts.onStatus);
  }
  return reportFailures(raw, opts.onFailure);
}
