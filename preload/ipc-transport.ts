import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { Envelope } from '../shared/ipc/api';
import { eventChannel, type Invoke, type Subscribe } from '../shared/ipc/build-api';

type IpcLike = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

/**
 * The Electron transport for buildApi. Each subscription registers its own wrapper and removes
 * exactly that wrapper, so an unsubscribe really detaches (and never another listener).
 */
export function electronTransport(ipc: IpcLike): { invoke: Invoke; subscribe: Subscribe } {
  return {
    invoke: (channel, payload) => ipc.invoke(channel, payload) as Promise<Envelope>,
    subscribe: (event, listener) => {
      const name = eventChannel(event);
      // The wrapper drops the IpcRendererEvent: it carries `sender`, which must not reach the page.
      const wrapper = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipc.on(name, wrapper);
      return () => {
        ipc.removeListener(name, wrapper);
      };
    },
  };
}
