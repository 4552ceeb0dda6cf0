import type { AppServices } from '../../services/app-services';
import type { DomainHandlers } from '../dispatcher';
import { readAllSettings, writeSetting } from '../../store/settings';

export const settingsHandlers = (s: AppServices): DomainHandlers<'settings'> => ({
  'settings:get': () => readAllSettings(s.db),
  'settings:set': ({ key, value }) => {
    writeSetting(s.db, key, value);
    if (key === 'log.debug') s.logger.setDebug(value === true);
    return readAllSettings(s.db);
  },
});
