import type { Db } from '../../store/db';
import { nowIso } from '../../store/db';
import { getMapping } from '../../store/mappings';
import type { Provider } from '../../providers/provider';
import type { PermissionIssueView, PreflightObjectView, PreflightReport } from '../../../shared/ipc/channels/preflight';
import { defaultMappings } from '../mapping/defaults';
import type { MappingIssue } from '../mapping/issues';
import { loadTargets } from '../engine/targets';
import { permissionIssues } from './check-mapping';
import { crmName, permissionFacts } from './facts';
import { objectNotVisible } from './wording';

export interface PreflightDeps {
  db: Db;
  connections: {
    provider(target: string): Promise<Provider>;
    resolveId(target: string): string;
    get(target: string): { id: string; provider: string; label: string };
  };
}

const view = (i: MappingIssue): PermissionIssueView => ({
  severity: i.severity === 'error' ? 'error' : 'warning',
  code: i.code,
  message: i.message,
  ...(i.crmField !== undefined ? { crmField: i.crmField } : {}),
});

/**
 * The permission preflight of one connection for the Sync page: every object it syncs (saved
 * mapping or default) checked against what the connected user may do, before any push.
 */
export async function preflightReport(deps: PreflightDeps, target: string, opts: { refresh?: boolean } = {}): Promise<PreflightReport> {
  const id = deps.connections.resolveId(target);
  const conn = deps.connections.get(id);
  const provider = await deps.connections.provider(id);
  const refresh = opts.refresh ?? false;
  const summaries = await provider.listObjects({ refresh });
  const skipped: string[] = [];
  const targets = await loadTargets(deps.db, provider, (o) => provider.describe(o, { refresh }), (o) => skipped.push(o));
  const facts = await permissionFacts(provider);
  const objects: PreflightObjectView[] = targets.map((t) => ({ object: t.object, label: t.label, enabled: t.enabled, issues: permissionIssues(t.mapping, t.meta, facts).map(view) }));
  const hidden = skipped.filter((o) => !summaries.some((s) => s.name === o) && wantedEnabled(deps.db, id, provider.id, o));
  for (const o of hidden) objects.push({ object: o, label: o, enabled: true, issues: [{ severity: 'warning', code: 'OBJECT_NOT_VISIBLE', message: objectNotVisible({ crm: facts.crm, object: o }) }] });
  const errors = objects.reduce((n, o) => n + o.issues.filter((i) => i.severity === 'error').length, 0);
  return {
    connectionId: id,
    provider: provider.id,
    providerName: crmName(provider),
    label: conn.label,
    checkedAt: nowIso(),
    ok: errors === 0,
    grantedScopes: facts.grants?.granted ?? null,
    objects,
    message: errors === 0 ? `${conn.label}: the connected user may do everything the switched-on mappings need.` : `${conn.label}: ${errors} permission problem${errors === 1 ? '' : 's'} would stop a push. Each says what to ask for.`,
  };
}

/** A mapping the user expects to sync: saved and switched on, or a default that is on. */
function wantedEnabled(db: Db, connectionId: string, providerId: string, object: string): boolean {
  let stored;
  try {
    stored = getMapping(db, connectionId, object);
  } catch {
    return false;
  }
  if (stored) return stored.mapping.enabled;
  const def = defaultMappings[providerId]?.[object];
  return def !== undefined && (def.enabled ?? true);
}
