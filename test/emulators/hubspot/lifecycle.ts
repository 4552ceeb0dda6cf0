import type { Changes } from './records';
import type { HubStore, StoredRecord } from './store';

/**
 * HubSpot's contacts and companies guides: through the API a lifecycle stage only moves forward (in the
 * property's option order); to move it back the value must be cleared first. HubSpot answers such an update
 * with 200 and keeps the old stage, so the backward value is dropped here, not refused.
 */
export function withoutBackwardLifecycle(store: HubStore, rec: StoredRecord, changes: Changes): Changes {
  const wanted = changes.get('lifecyclestage');
  const current = rec.properties.lifecyclestage;
  if (wanted === undefined || wanted === null || current === undefined) return changes;
  const order = store.property(rec.type, 'lifecyclestage')?.options.map((o) => o.value) ?? [];
  const from = order.indexOf(current);
  const to = order.indexOf(wanted);
  if (from < 0 || to < 0 || to >= from) return changes;
  const kept = new Map(changes);
  kept.delete('lifecyclestage');
  return kept;
}
