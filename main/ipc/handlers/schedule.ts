import type { AppServices } from '../../services/app-services';
import type { DomainHandlers } from '../dispatcher';
import { UserFacingError } from '../dispatcher';
import { InvalidScheduleError } from '../../schedule/cron';
import { ScheduleNotFoundError } from '../../schedule/service';

/** Schedule errors are written for the person; they keep their message. */
function userFacing<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof InvalidScheduleError) throw new UserFacingError(err.message, 'INVALID_SCHEDULE');
    if (err instanceof ScheduleNotFoundError) throw new UserFacingError(err.message, 'NOT_FOUND');
    throw err;
  }
}

export const scheduleHandlers = (s: AppServices): DomainHandlers<'schedule'> => ({
  'schedule:list': () => s.schedules.list(),
  'schedule:preview': ({ spec, timeZone }) => s.schedules.preview(spec, timeZone),
  'schedule:set': (req) => userFacing(() => s.schedules.set(req)),
  'schedule:clear': ({ connectionId, direction }) => ({ cleared: s.schedules.clear(connectionId, direction) }),
  'schedule:runNow': (req) =>
    userFacing(() => {
      const { started, message } = s.schedules.runNow(req);
      return { started, message };
    }),
  'schedule:desktop': () => s.schedules.desktopState(),
  'schedule:setStartAtLogin': ({ enabled }) => userFacing(() => s.schedules.setStartAtLogin(enabled)),
});
