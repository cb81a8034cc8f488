// Regrouping a neighbourhood of articles at once: average-link agglomerative clustering over
// their pairwise scores, sharpened by shared nearest neighbours. Placing one article at a time
// cannot take back an early mistake (the first report of a second, alike event that joined the
// first event's story pulls the next reports after it); looking at the whole neighbourhood can.
// Two reports of one event are near the same other reports; two alike events share words but
// not neighbours (Jarvis & Patrick 1973, shared nearest neighbours).

export interface RegroupOptions {
  /** nearest neighbours each article is described by (fewer in a small neighbourhood) */
  neighbours: number;
  /** weight of the shared-neighbour share added to the pair score */
  sharedWeight: number;
  /** average linkage at which two groups stop merging */
  threshold: number;
}

/**
 * Groups items from a symmetric score matrix (the diagonal is ignored): returns a group number
 * per item, groups numbered by their first item. Deterministic: ties merge the lower pair first.
 */
export function regroup(scores: readonly Float64Array[], options: RegroupOptions): number[] {
  const n = scores.length;
  // sums[a][b]: summed pair scores between the groups led by a and b
  const sums = withSharedNeighbours(scores, options.neighbours, options.sharedWeight);
  const sizes = new Array<number>(n).fill(1);
  const members: number[][] = Array.from({ length: n }, (_, i) => [i]);
  const alive = new Array<boolean>(n).fill(true);
  for (;;) {
    let best = Number.NEGATIVE_INFINITY;
    let a = -1;
    let b = -1;
    for (let i = 0; i < n; i++) {
      if (!alive[i]) continue;
      const row = sums[i];
      for (let j = i + 1; j < n; j++) {
        if (!alive[j]) continue;
        const average = row[j] / (sizes[i] * sizes[j]);
        if (average > best) {
          best = average;
          a = i;
          b = j;
        }
      }
    }
    if (a < 0 || best < options.threshold) break;
    for (let k = 0; k < n; k++) {
      if (!alive[k] || k === a || k === b) continue;
      sums[a][k] += sums[b][k];
      sums[k][a] = sums[a][k];
    }
    sizes[a] += sizes[b];
    members[a].push(...members[b]);
    alive[b] = false;
  }
  const group = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) if (alive[i]) for (const m of members[i]) group[m] = i;
  return group;
}

/**
 * Pair scores plus `weight` × the share of their neighbourhoods two items have in common, where
 * an item's neighbourhood is itself and its `k` nearest items (a fresh matrix; the input is left
 * as it is). With fewer than 2k + 1 items, k shrinks: neighbourhoods that cover most of the
 * items would all look alike.
 */
function withSharedNeighbours(scores: readonly Float64Array[], k: number, weight: number): Float64Array[] {
  const n = scores.length;
  const out = scores.map((row) => Float64Array.from(row));
  const kk = Math.min(k, Math.floor((n - 1) / 2));
  if (kk < 1 || weight === 0) return out;
  const neighbourhood: Uint8Array[] = scores.map((row, i) => {
    const order = [...row.keys()].filter((j) => j !== i).sort((x, y) => row[y] - row[x] || x - y);
    const mark = new Uint8Array(n);
    for (const j of order.slice(0, kk)) mark[j] = 1;
    mark[i] = 1;
    return mark;
  });
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let shared = 0;
      const a = neighbourhood[i];
      const b = neighbourhood[j];
      for (let m = 0; m < n; m++) shared += a[m] & b[m];
      const score = scores[i][j] + (weight * shared) / (kk + 1);
      out[i][j] = score;
      out[j][i] = score;
    }
  }
  return out;
}

/**
 * Which existing story each new group keeps, given the story each item came from (stories
 * numbered oldest first): the story holding most of the group, the older on ties, each story
 * kept by one group at most. A group missing from the map starts a new story.
 */
export function keptStories(group: readonly number[], from: readonly number[]): Map<number, number> {
  const counts = new Map<number, Map<number, number>>();
  group.forEach((g, i) => {
    const byStory = counts.get(g) ?? new Map<number, number>();
    byStory.set(from[i], (byStory.get(from[i]) ?? 0) + 1);
    counts.set(g, byStory);
  });
  const claims: Array<{ g: number; story: number; count: number }> = [];
  for (const [g, byStory] of counts) for (const [story, count] of byStory) claims.push({ g, story, count });
  claims.sort((x, y) => y.count - x.count || x.story - y.story || x.g - y.g);
  const kept = new Map<number, number>();
  const taken = new Set<number>();
  for (const { g, story } of claims) {
    if (kept.has(g) || taken.has(story)) continue;
    kept.set(g, story);
    taken.add(story);
  }
  return kept;
}

/** Whether two labellings group the items the same way (whatever the labels). */
export function samePartition(a: readonly number[], b: readonly number[]): boolean {
  const ab = new Map<number, number>();
  const ba = new Map<number, number>();
  for (let i = 0; i < a.length; i++) {
    if ((ab.get(a[i]) ?? b[i]) !== b[i] || (ba.get(b[i]) ?? a[i]) !== a[i]) return false;
    ab.set(a[i], b[i]);
    ba.set(b[i], a[i]);
  }
  return true;
}
