import type { AppServices } from '../../services/app-services';
import type { DomainHandlers } from '../dispatcher';
import { listPeople, listOrdersOfPerson } from '../../store/people-read';

export const peopleHandlers = (s: AppServices): DomainHandlers<'people'> => ({
  'people:list': (q) => listPeople(s.db, q),
  'people:orders': ({ personId }) => listOrdersOfPerson(s.db, personId),
});
