import type { AppServices } from '../../services/app-services';
import type { DomainHandlers } from '../dispatcher';
import { attentionItems, dashboardOverview, type MappingProblem } from '../../metrics';

/** The enabled objects of a connection whose mappings have errors, as the sync engine sees them. */
async function mappingProblems(s: AppServices, connectionId: string): Promise<MappingProblem[]> {
  const [target] = await s.sync.targets(connectionId);
  if (!target) return [];
  if (target.problem) throw new Error(target.problem);
  return target.objects.filter((o) => o.enabled && o.errors.length > 0).map((o) => ({ object: o.object, label: o.label, errors: o.errors }));
}

export const dashboardHandlers = (s: AppServices): DomainHandlers<'dashboard'> => ({
  'dashboard:overview': ({ range, timeZone }) => dashboardOverview(s.db, { range, timeZone }),
  'dashboard:attention': () => attentionItems({ db: s.db, mappingProblems: (id) => mappingProblems(s, id) }),
});
