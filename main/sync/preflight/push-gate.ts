import type { Logger } from '../../log/logger';
import type { Provider } from '../../providers/provider';
import type { CallContext } from '../engine/calls';
import type { SyncTarget } from '../engine/targets';
import { permissionIssues } from './check-mapping';
import { permissionFacts } from './facts';

export interface PermissionProblem {
  object: string;
  code: string;
  message: string;
  crmField?: string;
}

/** A push stopped before sending anything: the connected user may not do what the mappings need. */
export class PushRefusedError extends Error {
  override name = 'PushRefusedError';
  constructor(readonly problems: PermissionProblem[]) {
    super(refusal(problems));
  }
}

function refusal(problems: PermissionProblem[]): string {
  const n = problems.length;
  return `Nothing was pushed: ${n} permission problem${n === 1 ? '' : 's'} to fix first. ${problems.map((p) => `${p.object}: ${p.message}`).join('. ')}.`;
}

export interface PushGateContext {
  provider: Provider;
  targets: readonly SyncTarget[];
  call?: CallContext;
  logger?: Logger;
}

/**
 * The targets a push asked for: every switched-on one, or those of one object or kind (as the
 * engine reads --object). Targets the model rejects count too: the engine would skip them
 * silently, and a permission problem is what the person needs to hear about.
 */
function wanted(targets: readonly SyncTarget[], object: string | undefined): SyncTarget[] {
  const on = targets.filter((t) => t.enabled);
  if (!object) return on;
  const byObject = on.filter((t) => t.object.toLowerCase() === object.toLowerCase());
  if (byObject.length > 0) return byObject;
  return on.filter((t) => t.localKind === object.toLowerCase() || t.role === object.toLowerCase());
}

/**
 * The permission preflight at the start of a push: every enabled target the push would write to
 * is checked against what the connected user may do, and the push stops with every problem and
 * its fix instead of failing record by record. `object`: the push's --object, if any.
 */
export async function assertPushAllowed(ctx: PushGateContext, object?: string): Promise<void> {
  const targets = wanted(ctx.targets, object);
  if (targets.length === 0) return;
  const facts = await permissionFacts(ctx.provider, ctx.call, (reason) => ctx.logger?.debug(`Permission preflight of ${ctx.provider.connectionId} could not read the granted scopes: ${reason}`));
  const problems = targets.flatMap((t) =>
    permissionIssues(t.mapping, t.meta, facts)
      .filter((i) => i.severity === 'error')
      .map((i) => ({ object: t.label, code: i.code, message: i.message, ...(i.crmField ? { crmField: i.crmField } : {}) })),
  );
  if (problems.length > 0) throw new PushRefusedError(problems);
}
