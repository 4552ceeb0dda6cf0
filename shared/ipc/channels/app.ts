import { z } from 'zod';
import { channel } from '../define';

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  dataDir: z.string(),
  schemaVersion: z.number().int(),
  /** 'electron' inside the desktop app, 'browser-host' when served to a browser. */
  shell: z.enum(['electron', 'browser-host', 'test']),
  demo: z.boolean(),
  debug: z.boolean(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const StoreCounts = z.object({
  people: z.number().int(),
  orders: z.number().int(),
  events: z.number().int(),
  connections: z.number().int(),
  queuePending: z.number().int(),
  queueDead: z.number().int(),
  auditEntries: z.number().int(),
});
export type StoreCounts = z.infer<typeof StoreCounts>;

export const appChannels = {
  'app:info': channel(z.object({}).strict(), AppInfo, 'Name, version, data dir and how the app is hosted.'),
  'app:counts': channel(z.object({}).strict(), StoreCounts, 'Row counts of the local store, for empty states and the dashboard.'),
};
