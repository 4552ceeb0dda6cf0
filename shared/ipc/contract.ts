import { z } from 'zod';
import { appChannels } from './channels/app';
import { settingsChannels } from './channels/settings';
import { logChannels } from './channels/log';
import { peopleChannels, peopleEvents } from './channels/people';
import { connectionChannels, connectionEvents } from './channels/connections';
import { importChannels, importEvents } from './channels/import';
import { syncChannels, syncEvents } from './channels/sync';
import { queryChannels, queryEvents } from './channels/query';
import { scheduleChannels, scheduleEvents } from './channels/schedule';
import { dataChannels } from './channels/data';
import { mappingChannels } from './channels/mappings';
import { preflightChannels } from './channels/preflight';
import { dashboardChannels } from './channels/dashboard';
import { eventChannels } from './channels/events';

/**
 * The one IPC contract between the renderer and main. Channel names are `domain:method`;
 * the preload turns them into `window.api.domain.method(request)`.
 */
export const channels = {
  ...appChannels,
  ...settingsChannels,
  ...logChannels,
  ...peopleChannels,
  ...connectionChannels,
  ...importChannels,
  ...syncChannels,
  ...queryChannels,
  ...scheduleChannels,
  ...dataChannels,
  ...mappingChannels,
  ...preflightChannels,
  ...dashboardChannels,
  ...eventChannels,
};

/** Events main pushes to the renderer; the preload turns them into `window.api.on.<name>(cb)`. */
export const events = {
  /** A log line for the live log view; already redacted by main. */
  logLine: z.object({ at: z.string(), level: z.enum(['error', 'warn', 'info', 'debug']), message: z.string() }),
  ...peopleEvents,
  ...connectionEvents,
  ...importEvents,
  ...syncEvents,
  ...queryEvents,
  ...scheduleEvents,
};

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type Events = typeof events;
export type EventName = keyof Events;

export type RequestOf<C extends ChannelName> = z.input<Channels[C]['request']>;
export type ParsedRequestOf<C extends ChannelName> = z.output<Channels[C]['request']>;
export type ResponseOf<C extends ChannelName> = z.output<Channels[C]['response']>;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const channelNames = Object.keys(channels) as ChannelName[];
export const eventNames = Object.keys(events) as EventName[];

export const isChannelName = (name: unknown): name is ChannelName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);
