import { formatDateTime } from './dates';
import type { ObjectDef } from './metadata/types';
import type { Org } from './org';

/**
 * Test hook: gives records one LastModifiedDate / SystemModstamp, as a bulk load or a mass update
 * does on the real platform, so incremental pulls meet equal stamps across a page boundary.
 * Without ids every live record of the object is stamped. Returns the number of records stamped.
 */
export function touchRecords(org: Org, obj: ObjectDef, ids: string[] | undefined, at: number): number {
  const stamp = formatDateTime(Math.floor(at / 1000) * 1000);
  const rows = ids ? ids.map((id) => org.locate(id)).filter((l) => l?.obj === obj).map((l) => l!.rec) : org.store.all(obj.name);
  let n = 0;
  for (const rec of rows) {
    if (rec.IsDeleted === true) continue;
    org.store.put(obj.name, { ...rec, LastModifiedDate: stamp, SystemModstamp: stamp });
    n++;
  }
  return n;
}
