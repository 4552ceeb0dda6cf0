import type { ChannelName, EventName, EventPayload, RequestOf, ResponseOf } from './contract';

type DomainOf<C> = C extends `${infer D}:${string}` ? D : never;
type Domains = DomainOf<ChannelName>;

/** The typed surface the renderer sees as `window.api`, generated from the contract. */
export type Api = {
  [D in Domains]: {
    [C in ChannelName as C extends `${D}:${infer M}` ? M : never]: (request: RequestOf<C>) => Promise<ResponseOf<C>>;
  };
} & {
  on: { [E in EventName]: (listener: (payload: EventPayload<E>) => void) => () => void };
};

/** What crosses the wire for one call: either the parsed response or an error a person can act on. */
export type Envelope<T = unknown> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

/** Error codes main may answer with; the renderer shows `message` as is. */
export const IpcErrorCode = {
  unknownChannel: 'UNKNOWN_CHANNEL',
  invalidRequest: 'INVALID_REQUEST',
  forbidden: 'FORBIDDEN',
  failed: 'FAILED',
} as const;

/** Splits `domain:method` so the preload and the browser host build the same object shape. */
export function splitChannel(name: string): [string, string] {
  const i = name.indexOf(':');
  return [name.slice(0, i), name.slice(i + 1)];
}
