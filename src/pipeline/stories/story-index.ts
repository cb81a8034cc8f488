// Inverted index from top term and name ids to the live stories that carry them. Candidate
// retrieval reads only the postings of an article's own top keys, so the cost of placing an
// article follows the size of the window, never the size of the archive.

/** Keys of one kind (body terms, names) with the weight a shared key gives a candidate. */
export interface KeyGroup {
  keys: readonly number[];
  weight: number;
}

/** A story's entry: its keys, and its running score during one candidates() call. */
interface Entry<T> {
  story: T;
  keys: number[];
  /** the candidates() call that last touched the entry, so scores reset without a map */
  mark: number;
  score: number;
}

export class StoryIndex<T> {
  private readonly postings = new Map<number, Set<Entry<T>>>();
  private readonly entries = new Map<T, Entry<T>>();
  private calls = 0;

  /** Replaces the keys a story is indexed under. */
  set(story: T, keys: readonly number[]): void {
    let entry = this.entries.get(story);
    if (!entry) {
      entry = { story, keys: [], mark: 0, score: 0 };
      this.entries.set(story, entry);
    }
    const next = [...new Set(keys)];
    if (entry.keys.length) {
      const kept = new Set(next);
      for (const key of entry.keys) if (!kept.has(key)) this.unpost(key, entry);
    }
    for (const key of next) {
      let set = this.postings.get(key);
      if (!set) {
        set = new Set();
        this.postings.set(key, set);
      }
      set.add(entry);
    }
    entry.keys = next;
  }

  remove(story: T): void {
    const entry = this.entries.get(story);
    if (!entry) return;
    for (const key of entry.keys) this.unpost(key, entry);
    this.entries.delete(story);
  }

  /**
   * Stories sharing the given keys, best first by summed key weight. A key carried by more than
   * `maxPosting` stories is skipped: it says little and would cost a scan of the window. Ties
   * keep the order in which stories first met a key, so results are deterministic.
   */
  candidates(groups: readonly KeyGroup[], limit: number, maxPosting = 128): T[] {
    const call = ++this.calls;
    const touched: Array<Entry<T>> = [];
    for (const { keys, weight } of groups) {
      for (const key of keys) {
        const set = this.postings.get(key);
        if (!set || set.size > maxPosting) continue;
        for (const entry of set) {
          if (entry.mark !== call) {
            entry.mark = call;
            entry.score = 0;
            touched.push(entry);
          }
          entry.score += weight;
        }
      }
    }
    // partial selection: keep the `limit` best in a small sorted array
    const top: Array<Entry<T>> = [];
    for (const entry of touched) {
      if (top.length === limit && entry.score <= top[top.length - 1].score) continue;
      let at = top.length;
      while (at > 0 && top[at - 1].score < entry.score) at--;
      top.splice(at, 0, entry);
      if (top.length > limit) top.pop();
    }
    return top.map((entry) => entry.story);
  }

  get size(): number {
    return this.entries.size;
  }

  private unpost(key: number, entry: Entry<T>): void {
    const set = this.postings.get(key);
    if (!set) return;
    set.delete(entry);
    if (set.size === 0) this.postings.delete(key);
  }
}
