import type { ObjectMeta, ObjectSummary, Provider } from '../../providers/provider';
import type { MetaSnapshot } from './metadata';

export interface NeedsMetadata {
  missing: string[];
  wantsObjects: boolean;
}

type MetaSource = Pick<Provider, 'listObjects' | 'describe'>;

/**
 * Runs a pure metadata consumer (autocomplete, validation) and, while it reports objects it
 * could not see, loads them and runs it again. The provider caches describes, so a second
 * keystroke costs no request. Objects that fail to describe (a name still being typed) are
 * left out rather than retried.
 */
export async function withMetadata<T extends NeedsMetadata>(source: MetaSource, consume: (snap: MetaSnapshot) => T, maxRounds = 5): Promise<T> {
  const describes = new Map<string, ObjectMeta | null>();
  let objects: ObjectSummary[] | undefined;
  const snap: MetaSnapshot = {
    get objects() {
      return objects;
    },
    describe: (name) => describes.get(name.toLowerCase()) ?? undefined,
  };
  let out = consume(snap);
  for (let round = 0; round < maxRounds; round++) {
    const wanted = out.missing.filter((m) => !describes.has(m.toLowerCase()));
    const needObjects = out.wantsObjects && objects === undefined;
    if (wanted.length === 0 && !needObjects) break;
    if (needObjects) objects = await source.listObjects().catch(() => []);
    await Promise.all(
      wanted.map(async (name) => {
        describes.set(name.toLowerCase(), await source.describe(name).catch(() => null));
      }),
    );
    out = consume(snap);
  }
  return out;
}
