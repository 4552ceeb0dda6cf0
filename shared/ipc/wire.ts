import { z } from 'zod';

/**
 * The browser host's WebSocket protocol: the same contract as Electron IPC, framed as JSON.
 * The socket URL carries the session token (`/ipc?token=…`) and every call repeats it, so a
 * socket that somehow outlives a token rotation cannot keep calling.
 */
export const ClientMessage = z.object({
  type: z.literal('call'),
  id: z.number().int().nonnegative(),
  token: z.string().min(16).max(200),
  channel: z.string().max(100),
  payload: z.unknown(),
});
export type ClientMessage = z.infer<typeof ClientMessage>;

export type ServerMessage =
  | { type: 'result'; id: number; envelope: { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } } }
  | { type: 'event'; name: string; payload: unknown };

export const WS_PATH = '/ipc';
export const TOKEN_PARAM = 'token';
