import { useCallback, useEffect, useRef, useState } from 'react';
import type { QueryFieldInfo } from '../../../../../shared/ipc/channels/query';

export type LoadFields = (object: string) => Promise<QueryFieldInfo[]>;

export interface FieldCatalog {
  /** An object's fields, or undefined while they load (asking starts the load). */
  fieldsOf(object: string): QueryFieldInfo[] | undefined;
  /** The object a relationship field leads to (its first target). */
  targetOf(field: QueryFieldInfo): string | undefined;
  /** Follows `Account.Owner.Name` from `base`: the field at the end and the object it belongs to. */
  resolve(base: string, path: string): { field?: QueryFieldInfo; object?: string };
}

const lower = (s: string) => s.toLowerCase();

export const isRelationship = (f: QueryFieldInfo): boolean => !!f.relationshipName && !!f.referenceTo?.length;

/**
 * The describe metadata the builder reads, object by object, loaded on first ask (the page's
 * store caches the answers, so going back to an object costs nothing).
 */
export function useFieldCatalog(loadFields: LoadFields, connectionId: string): FieldCatalog {
  const [loaded, setLoaded] = useState<Record<string, QueryFieldInfo[]>>({});
  const asked = useRef(new Set<string>());
  const [wanted, setWanted] = useState<string[]>([]);

  useEffect(() => {
    let live = true;
    for (const object of wanted) {
      if (asked.current.has(lower(object))) continue;
      asked.current.add(lower(object));
      void loadFields(object)
        .then((fields) => live && setLoaded((m) => ({ ...m, [lower(object)]: fields })))
        .catch(() => live && setLoaded((m) => ({ ...m, [lower(object)]: [] })));
    }
    return () => {
      live = false;
    };
  }, [wanted, loadFields]);

  // Another connection has other objects: start over.
  useEffect(() => {
    asked.current.clear();
    setLoaded({});
    setWanted([]);
  }, [connectionId]);

  const fieldsOf = useCallback(
    (object: string) => {
      const got = loaded[lower(object)];
      if (!got && !asked.current.has(lower(object))) queueMicrotask(() => setWanted((w) => (w.includes(object) ? w : [...w, object])));
      return got;
    },
    [loaded],
  );

  const targetOf = useCallback((f: QueryFieldInfo) => f.referenceTo?.[0], []);

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

  return { fieldsOf, targetOf, resolve };
}
