import { createRendererApi } from './create-api';
import { errorMessage, IpcCallError } from './errors';
import { useToasts } from '../stores/toasts';
import { useLink } from '../stores/link';

export { errorMessage } from './errors';

/** The one api every page and store uses; failures surface as toasts. */
export const api = createRendererApi({
  onFailure: (_channel, err) => {
    // Without a token the whole window explains what to do; a toast per call would only repeat it.
    if (err instanceof IpcCallError && err.code === 'NO_TOKEN') return;
    useToasts.getState().push({ tone: 'error', message: errorMessage(err) });
  },
  onStatus: (status) => useLink.getState().setStatus(status),
});
