// Seeds the default source list on first start. Only an empty store is seeded, so a source the
// operator removed never comes back on the next restart.
import { defaultSources } from '../config/default-sources.js';
import type { NewSource } from '../domain/types.js';
import type { Store } from '../storage/store.js';

export type SeedTarget = Pick<Store, 'sources' | 'transaction'>;

/** Adds `sources` (the default list unless given) when the store has none; returns how many were added. */
export async function seedDefaultSources(
  store: SeedTarget,
  sources: readonly NewSource[] = defaultSources,
): Promise<{ added: number }> {
  if ((await store.sources.count()) > 0) return { added: 0 };
  // One transaction: a crash half-way would otherwise leave a partial list that the
  // "store is empty" check would never complete.
  return store.transaction(async (tx) => {
    if ((await tx.sources.count()) > 0) return { added: 0 };
    let added = 0;
    for (const source of sources) {
      const { created } = await tx.sources.add(source);
      if (created) added++;
    }
    return { added };
  });
}
