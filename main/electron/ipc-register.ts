import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { channelNames, type EventName } from '../../shared/ipc/contract';
import { IpcErrorCode, type Envelope } from '../../shared/ipc/api';
import { eventChannel } from '../../shared/ipc/build-api';
import type { Dispatch } from '../ipc/dispatcher';
import type { EventBus } from '../services/event-bus';
import type { Logger } from '../log/logger';
import { isTrustedSender } from './trusted-sender';

const refused: Envelope = { ok: false, error: { code: IpcErrorCode.forbidden, message: 'This call did not come from the app window.' } };

/** The sender check, on the parts of an invoke event it needs. */
export function isTrustedInvoke(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>): boolean {
  const frame = event.senderFrame;
  return isTrustedSender(frame?.url, frame !== null && frame === event.sender.mainFrame);
}

/**
 * Registers every contract channel with ipcMain. Each call passes the sender check, then the
 * dispatcher (which validates the payload); the renderer only ever sees an Envelope.
 * Returns a function that removes the handlers again.
 */
export function registerIpcHandlers(ipc: Pick<IpcMain, 'handle' | 'removeHandler'>, dispatch: Dispatch, logger: Logger): () => void {
  for (const name of channelNames) {
    ipc.handle(name, async (event, payload: unknown) => {
      if (!isTrustedInvoke(event)) {
        logger.warn(`Refused ${name} from an untrusted frame: ${event.senderFrame?.url ?? 'unknown'}`);
        return refused;
      }
      return dispatch(name, payload);
    });
  }
  return () => {
    for (const name of channelNames) ipc.removeHandler(name);
  };
}

/** Forwards contract events to every live window; returns the unsubscribe. */
export function forwardEvents(bus: EventBus, targets: () => Array<Pick<WebContents, 'send' | 'isDestroyed'>>): () => void {
  return bus.subscribe((name: EventName, payload) => {
    for (const wc of targets()) if (!wc.isDestroyed()) wc.send(eventChannel(name), payload);
  });
}
