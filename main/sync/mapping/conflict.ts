import type { ConflictPolicy } from './model';

export interface ConflictSides {
  /** When the local value last changed (ISO 8601). */
  localChangedAt?: string | null;
  /** When the CRM value last changed (the record's modification stamp, ISO 8601). */
  remoteChangedAt?: string | null;
}

/**
 * Which side's value stands when a field changed on both sides since the last sync. Under
 * newest-wins a missing or equal stamp goes to the CRM, the shared record everyone else sees.
 */
export function resolveConflict(policy: ConflictPolicy, sides: ConflictSides): 'local' | 'crm' {
  if (policy === 'crm-wins') return 'crm';
  if (policy === 'local-wins') return 'local';
  const local = sides.localChangedAt ? Date.parse(sides.localChangedAt) : Number.NaN;
  const remote = sides.remoteChangedAt ? Date.parse(sides.remoteChangedAt) : Number.NaN;
  if (Number.isNaN(local)) return 'crm';
  if (Number.isNaN(remote)) return 'local';
  return local > remote ? 'local' : 'crm';
}
