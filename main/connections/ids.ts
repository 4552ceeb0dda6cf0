import type { Db } from '../store/db';
import { connectionIdsOfProvider, getConnection, listConnections } from '../store/connections';
import { isProviderId, providerDefinition } from '../providers/registry';
import { ValidationError } from '../providers/errors';

/**
 * Connection ids are the provider's id for the first connection (`salesforce`) and
 * `salesforce-2`, `salesforce-3`, ... for more, so the simple form `connect salesforce` keeps
 * working when a second org is added.
 */
export const CONNECTION_ID = /^[a-z][a-z0-9]*(-[0-9]+)?$/;

export function nextConnectionId(db: Db, provider: string): string {
  if (!getConnection(db, provider)) return provider;
  for (let n = 2; ; n++) if (!getConnection(db, `${provider}-${n}`)) return `${provider}-${n}`;
}

const providerOfId = (id: string) => id.replace(/-[0-9]+$/, '');

/** Which connection a connect call (re)uses: the one given, the provider's only one, or a new id. */
export function connectTargetId(db: Db, provider: string, opts: { connectionId?: string; asNew?: boolean }): string {
  if (opts.connectionId) {
    const existing = getConnection(db, opts.connectionId);
    if (existing && existing.provider !== provider) throw new ValidationError(`Connection ${opts.connectionId} is a ${existing.provider} connection, not ${provider}.`);
    if (!existing && (!CONNECTION_ID.test(opts.connectionId) || providerOfId(opts.connectionId) !== provider)) {
      throw new ValidationError(`"${opts.connectionId}" is not a ${provider} connection id (use ${provider} or ${provider}-2, ...).`);
    }
    return opts.connectionId;
  }
  if (opts.asNew) return nextConnectionId(db, provider);
  const ids = connectionIdsOfProvider(db, provider);
  if (ids.length <= 1) return ids[0] ?? provider;
  throw new ValidationError(`There are several ${providerDefinition(provider).displayName} connections (${ids.join(', ')}): say which one to reconnect.`);
}

/** A connection id, or a provider name that stands for its only (or only live) connection. */
export function resolveConnectionId(db: Db, target: string): string {
  if (getConnection(db, target)) return target;
  if (!isProviderId(target)) {
    const known = listConnections(db).map((c) => c.id);
    throw new ValidationError(`No connection "${target}".${known.length ? ` Known: ${known.join(', ')}.` : ' Connect one first.'}`);
  }
  const all = listConnections(db).filter((c) => c.provider === target);
  const name = providerDefinition(target).displayName;
  if (all.length === 0) throw new ValidationError(`${name} is not connected. Connect it first (ticket-crm-sync connect ${target}).`);
  if (all.length === 1) return all[0].id;
  const live = all.filter((c) => c.status !== 'disconnected');
  if (live.length === 1) return live[0].id;
  throw new ValidationError(`There are several ${name} connections (${all.map((c) => c.id).join(', ')}): pass the connection id.`);
}
