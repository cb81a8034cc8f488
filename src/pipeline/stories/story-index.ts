// Inverted index from top terms and names to the live stories that carry them. Candidate
// retrieval reads only the postings of an article's own top keys, so the cost of placing an
// article follows the size of the window, never the size of the archive.

export class StoryIndex {
  private readonly postings = new Map<string, Set<string>>();
  private readonly keysOf = new Map<string, string[]>();

  /** Replaces the keys a story is indexed under. */
  set(storyId: string, keys: string[]): void {
    const old = this.keysOf.get(storyId);
    const next = new Set(keys);
    if (old) {
      for (const key of old) if (!next.has(key)) this.unpost(key, storyId);
    }
    for (const key of next) {
      let set = this.postings.get(key);
      if (!set) {
        set = new Set();
        this.postings.set(key, set);
      }
      set.add(storyId);
    }
    this.keysOf.set(storyId, [...next]);
  }

  remove(storyId: string): void {
    for (const key of this.keysOf.get(storyId) ?? []) this.unpost(key, storyId);
    this.keysOf.delete(storyId);
  }

  /**
   * Stories sharing the given keys, best first by summed key weight; ties keep the order in
   * which stories entered the index, so results are deterministic.
   */
  candidates(keys: Array<[string, number]>, limit: number, order: (id: string) => number): string[] {
    const hits = new Map<string, number>();
    for (const [key, weight] of keys) {
      const set = this.postings.get(key);
      if (!set) continue;
      for (const id of set) hits.set(id, (hits.get(id) ?? 0) + weight);
    }
    const ranked = [...hits].sort((a, b) => b[1] - a[1] || order(a[0]) - order(b[0]));
    return ranked.slice(0, limit).map(([id]) => id);
  }

  get size(): number {
    return this.keysOf.size;
  }

  private unpost(key: string, storyId: string): void {
    const set = this.postings.get(key);
    if (!set) return;
    set.delete(storyId);
    if (set.size === 0) this.postings.delete(key);
  }
}
