// Inverted index from top term and name ids to the live stories that carry them. Candidate
// retrieval reads only the postings of an article's own top keys, so the cost of placing an
// article follows the size of the window, never the size of the archive.

/** Keys of one kind (body terms, names) with the weight a shared key gives a candidate. */
export interface KeyGroup {
  keys: readonly number[];
  weight: number;
}

export class StoryIndex<T> {
  private readonly postings = new Map<number, Set<T>>();
  private readonly keysOf = new Map<T, number[]>();

  /** Replaces the keys a story is indexed under. */
  set(story: T, keys: readonly number[]): void {
    const old = this.keysOf.get(story);
    const next = [...new Set(keys)];
    if (old) {
      const kept = new Set(next);
      for (const key of old) if (!kept.has(key)) this.unpost(key, story);
    }
    for (const key of next) {
      let set = this.postings.get(key);
      if (!set) {
        set = new Set();
        this.postings.set(key, set);
      }
      set.add(story);
    }
    this.keysOf.set(story, next);
  }

  remove(story: T): void {
    for (const key of this.keysOf.get(story) ?? []) this.unpost(key, story);
    this.keysOf.delete(story);
  }

  /**
   * Stories sharing the given keys, best first by summed key weight. A key carried by more than
   * `maxPosting` stories is skipped: it says little and would cost a scan of the window. Ties
   * keep the order in which stories first met a key, so results are deterministic.
   */
  candidates(groups: readonly KeyGroup[], limit: number, maxPosting = 128): T[] {
    const hits = new Map<T, number>();
    for (const { keys, weight } of groups) {
      for (const key of keys) {
        const set = this.postings.get(key);
        if (!set || set.size > maxPosting) continue;
        for (const story of set) hits.set(story, (hits.get(story) ?? 0) + weight);
      }
    }
    // partial selection: keep the `limit` best in a small sorted array
    const top: T[] = [];
    const scores: number[] = [];
    for (const [story, score] of hits) {
      if (top.length === limit && score <= scores[scores.length - 1]) continue;
      let at = top.length;
      while (at > 0 && scores[at - 1] < score) at--;
      top.splice(at, 0, story);
      scores.splice(at, 0, score);
      if (top.length > limit) {
        top.pop();
        scores.pop();
      }
    }
    return top;
  }

  get size(): number {
    return this.keysOf.size;
  }

  private unpost(key: number, story: T): void {
    const set = this.postings.get(key);
    if (!set) return;
    set.delete(story);
    if (set.size === 0) this.postings.delete(key);
  }
}
