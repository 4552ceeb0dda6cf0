import { useCallback, useMemo, useRef, useState } from 'react';
import type { QueryFieldInfo } from '../../../../../shared/ipc/channels/query';

export type LoadFields = (object: string) => Promise<QueryFieldInfo[]>;

export interface FieldCatalog {
  /** An object's fields, or undefined while they load (asking starts the load). */
  fieldsOf(object: string): QueryFieldInfo[] | undefined;
  /** Follows `Account.Owner.Name` from `base`: the field at the end and the object it belongs to. */
  resolve(base: string, path: string): { field?: QueryFieldInfo; object?: string };
}

const lower = (s: string) => s.toLowerCase();
const NO_FIELDS: QueryFieldInfo[] = [];

export const isRelationship = (f: QueryFieldInfo): boolean => !!f.relationshipName && !!f.referenceTo?.length;

/**
 * The describe metadata the builder reads, object by object, loaded the first time a picker
 * asks (the page's store caches the answers, so coming back to an object costs nothing). A
 * describe that fails reads as no fields rather than being asked again on every render.
 */
export function useFieldCatalog(loadFields: LoadFields, connectionId: string, objects: Array<{ name: string }>): FieldCatalog {
  // Keyed by connection too: answers that arrive after a switch land under their own connection.
  const [loaded, setLoaded] = useState<Record<string, QueryFieldInfo[]>>({});
  const asked = useRef(new Set<string>());
  /** Lower-cased name → the name as the org spells it (SOQL typed by hand may say `contact`). */
  const known = useMemo(() => new Map(objects.map((o) => [lower(o.name), o.name])), [objects]);

  const fieldsOf = useCallback(
    (object: string) => {
      // A name still being typed in the editor (FROM Con) is not described: no error toasts while typing.
      const name = known.get(lower(object));
      if (!name) return NO_FIELDS;
      const key = `${connectionId}\u0000${lower(object)}`;
      const got = loaded[key];
      if (!got && !asked.current.has(key)) {
        asked.current.add(key);
        // Started while rendering, answered later: the same object is never asked for twice.
        void loadFields(name)
          .catch(() => [])
          .then((fields) => setLoaded((m) => ({ ...m, [key]: fields })));
      }
      return got;
    },
    [loaded, loadFields, connectionId, known],
  );

  const resolve = useCallback(
    (base: string, path: string) => {
      const parts = path.split('.');
      let object = base;
      for (const part of parts.slice(0, -1)) {
        const rel = fieldsOf(object)?.find((f) => isRelationship(f) && lower(f.relationshipName!) === lower(part));
        if (!rel) return {};
        object = rel.referenceTo![0];
      }
      const field = fieldsOf(object)?.find((f) => lower(f.name) === lower(parts.at(-1)!));
      return { field, object };
    },
    [fieldsOf],
  );

  return { fieldsOf, resolve };
}
