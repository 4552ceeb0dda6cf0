import type { AppServices } from '../../services/app-services';
import type { DomainHandlers } from '../dispatcher';
import { storeCounts } from '../../store/counts';

export const appHandlers = (s: AppServices): DomainHandlers<'app'> => ({
  'app:info': () => s.info(),
  'app:counts': () => storeCounts(s.db),
});
