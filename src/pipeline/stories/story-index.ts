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
   * Stories sharing the given keys, best first by summed key weight. A key carried by more than
   * `maxPosting` stories is skipped: it says little and would cost a scan of the window. Ties
   * keep the order in which stories first met a key, so results are deterministic.
   */
  candidates(keys: Array<[string, number]>, limit: number, maxPosting = 128): string[] {
    const hits = new Map<string, number>();
    for (const [key, weight] of keys) {
      const set = this.postings.get(key);
      if (!set || set.size > maxPosting) continue;
      for (const id of set) hits.set(id, (hits.get(id) ?? 0) + weight);
    }
    // partial selection: keep the `limit` best in a small sorted array
    const top: Array<[string, number]> = [];
    for (const entry of hits) {
      if (top.length === limit && entry[1] <= top[top.length - 1][1]) continue;
      let at = top.length;
      while (at > 0 && top[at - 1][1] < entry[1]) at--;
      top.splice(at, 0, entry);
      if (top.length > limit) top.pop();
    }
    return top.map(([id]) => id);
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
