import type { AppServices } from '../../services/app-services';
import type { Handlers } from '../dispatcher';
import { appHandlers } from './app';
import { settingsHandlers } from './settings';
import { logHandlers } from './log';
import { peopleHandlers } from './people';
import { connectionHandlers } from './connections';
import { importHandlers } from './import';
import { syncHandlers } from './sync';
import { queryHandlers } from './query';
import { scheduleHandlers } from './schedule';
import { dataHandlers } from './data';
import { mappingHandlers } from './mappings';
import { preflightHandlers } from './preflight';
import { dashboardHandlers } from './dashboard';
import { eventHandlers } from './events';

/** Every channel's handler; the `Handlers` type makes a missing one a compile error. */
export function createHandlers(s: AppServices): Handlers {
  return {
    ...appHandlers(s),
    ...settingsHandlers(s),
    ...logHandlers(s),
    ...peopleHandlers(s),
    ...connectionHandlers(s),
    ...importHandlers(s),
    ...syncHandlers(s),
    ...queryHandlers(s),
    ...scheduleHandlers(s),
    ...dataHandlers(s),
    ...mappingHandlers(s),
    ...preflightHandlers(s),
    ...dashboardHandlers(s),
    ...eventHandlers(s),
  };
}
