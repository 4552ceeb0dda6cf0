import type { AppServices } from '../../services/app-services';
import type { DomainHandlers } from '../dispatcher';
import { getEvent, listEvents } from '../../events/read-events';

export const eventHandlers = (s: AppServices): DomainHandlers<'events'> => ({
  'events:list': () => listEvents(s.db),
  'events:get': (q) => getEvent(s.db, q),
});
