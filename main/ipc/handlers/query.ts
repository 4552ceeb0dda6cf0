import type { AppServices } from '../../services/app-services';
import { UserFacingError, type DomainHandlers } from '../dispatcher';
import { isProviderError } from '../../providers/errors';
import { QueryUsageError } from '../../query/service';
import { composeBuilder, readBuilder } from '../../query/builder/service';

/** CRM refusals and usage mistakes keep their message; the dispatcher logs and redacts anything else. */
async function userFacing<T>(fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof QueryUsageError) throw new UserFacingError(err.message, 'QUERY');
    if (isProviderError(err)) throw new UserFacingError(err.message, err.code);
    throw err;
  }
}

export const queryHandlers = (s: AppServices): DomainHandlers<'query'> => ({
  'query:schema': ({ connectionId, object, refresh }) => userFacing(() => s.query.schema(connectionId, object, refresh)),
  'query:run': (req) => userFacing(() => s.query.run(req)),
  'query:more': ({ runId, all }) => userFacing(() => s.query.more(runId, all)),
  'query:rows': ({ runId, offset, limit }) => userFacing(() => s.query.rows(runId, offset, limit)),
  'query:cancel': ({ runId }) => userFacing(() => s.query.cancel(runId)),
  'query:status': ({ runId }) => userFacing(() => s.query.status(runId)),
  'query:complete': ({ connectionId, text, cursor }) => userFacing(() => s.query.complete(connectionId, text, cursor)),
  'query:validate': ({ connectionId, input }) => userFacing(async () => ({ diagnostics: await s.query.validate(connectionId, input) })),
  'query:history': ({ connectionId }) => s.query.history(connectionId),
  'query:save': (req) => s.query.save(req),
  'query:rename': ({ id, name }) => userFacing(() => s.query.rename(id, name)),
  'query:delete': ({ id }) => ({ deleted: s.query.delete(id) }),
  'query:export': ({ runId, format, rows }) => userFacing(() => s.query.export(runId, format, rows)),
  'query:starters': ({ connectionId }) => userFacing(() => s.query.starters(connectionId)),
  'query:chart': ({ runId, ...opts }) => userFacing(() => s.query.chart(runId, opts)),
  'query:pullRecords': ({ runId, rows }) => userFacing(() => s.query.pullRecords(runId, rows)),
  'query:composeBuilder': ({ model }) => composeBuilder(model),
  'query:readBuilder': ({ soql }) => readBuilder(soql),
});
