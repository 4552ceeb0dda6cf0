import type { AppServices } from '../../services/app-services';
import type { DomainHandlers } from '../dispatcher';
import { listAudit } from '../../store/audit-log';

export const logHandlers = (s: AppServices): DomainHandlers<'log'> => ({
  'log:audit': (q) => listAudit(s.db, q),
});
