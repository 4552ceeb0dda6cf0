import type { EventName, EventPayload } from '../../shared/ipc/contract';

export type BusListener = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

/** Typed fan-out of contract events from services to whatever shell is attached (Electron, browser host, CLI). */
export class EventBus {
  private listeners = new Set<BusListener>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const l of this.listeners) l(name, payload);
  }

  subscribe(listener: BusListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
