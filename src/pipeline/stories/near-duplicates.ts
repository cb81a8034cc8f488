// Near-duplicate index: MinHash signatures bucketed by LSH bands, so that a lookup reads only
// the articles that share a band with the query, over a bounded window of recent articles.
import {
  estimateContainment,
  estimateJaccard,
  minhash,
  SIGNATURE_SIZE,
  type Signature,
} from './fingerprint.js';

export interface NearDuplicate {
  id: string;
  /** estimated Jaccard index of the two texts' word 4-shingle sets */
  overlap: number;
  /** estimated share of the shorter text's shingles found in the other */
  containment: number;
}

export interface NearDuplicateOptions {
  /** articles kept; the oldest are evicted first */
  capacity: number;
  /** rows per LSH band (SIGNATURE_SIZE / rows bands); 4 rows finds pairs from Jaccard ≈ 0.3 */
  rows: number;
  /** a pair is a duplicate when its estimated Jaccard reaches this... */
  minOverlap: number;
  /** ...or when the shorter text is this much contained in the other (cut copies) */
  minContainment: number;
  /** and texts shorter than this many shingles are never compared (too little evidence) */
  minShingles: number;
}

const DEFAULTS: NearDuplicateOptions = {
  capacity: 50_000,
  rows: 4,
  minOverlap: 0.5,
  minContainment: 0.7,
  minShingles: 12,
};

interface Entry {
  id: string;
  sig: Signature;
  bands: string[];
}

export interface NearDuplicateState {
  options: NearDuplicateOptions;
  entries: Array<{ id: string; size: number; mins: string }>;
}

export class NearDuplicateIndex {
  readonly options: NearDuplicateOptions;
  private readonly entries = new Map<string, Entry>();
  private readonly buckets = new Map<string, string[]>();

  constructor(options: Partial<NearDuplicateOptions> = {}) {
    this.options = { ...DEFAULTS, ...options };
  }

  get size(): number {
    return this.entries.size;
  }

  /** Indexes an article's text (body only: headlines are what syndication changes first). */
  add(id: string, text: string): void {
    this.insert(id, minhash(text));
  }

  /** The indexed article the text best duplicates, or null. */
  find(text: string, excludeId?: string): NearDuplicate | null {
    const sig = minhash(text);
    if (sig.size < this.options.minShingles) return null;
    const seen = new Set<string>();
    let best: NearDuplicate | null = null;
    for (const band of this.bandKeys(sig)) {
      for (const id of this.buckets.get(band) ?? []) {
        if (seen.has(id) || id === excludeId) continue;
        seen.add(id);
        const other = this.entries.get(id)!;
        if (other.sig.size < this.options.minShingles) continue;
        const overlap = estimateJaccard(sig, other.sig);
        const containment = estimateContainment(sig, other.sig, overlap);
        if (overlap < this.options.minOverlap && containment < this.options.minContainment) continue;
        if (!best || overlap > best.overlap) best = { id, overlap, containment };
      }
    }
    return best;
  }

  remove(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    for (const band of entry.bands) {
      const list = this.buckets.get(band);
      if (!list) continue;
      const at = list.indexOf(id);
      if (at >= 0) list.splice(at, 1);
      if (list.length === 0) this.buckets.delete(band);
    }
  }

  toJSON(): NearDuplicateState {
    const entries = [...this.entries.values()].map((e) => ({
      id: e.id,
      size: e.sig.size,
      mins: Buffer.from(e.sig.mins.buffer, e.sig.mins.byteOffset, e.sig.mins.byteLength).toString('base64'),
    }));
    return { options: this.options, entries };
  }

  static fromJSON(state: NearDuplicateState): NearDuplicateIndex {
    const index = new NearDuplicateIndex(state.options);
    for (const e of state.entries) {
      const bytes = Buffer.from(e.mins, 'base64');
      const mins = new Uint32Array(SIGNATURE_SIZE);
      new Uint8Array(mins.buffer).set(bytes.subarray(0, SIGNATURE_SIZE * 4));
      index.insert(e.id, { mins, size: e.size });
    }
    return index;
  }

  private insert(id: string, sig: Signature): void {
    this.remove(id);
    const bands = this.bandKeys(sig);
    this.entries.set(id, { id, sig, bands });
    for (const band of bands) {
      const list = this.buckets.get(band);
      if (list) list.push(id);
      else this.buckets.set(band, [id]);
    }
    // Map keeps insertion order, so the first entry is the oldest
    while (this.entries.size > this.options.capacity) this.remove(this.entries.keys().next().value!);
  }

  private bandKeys(sig: Signature): string[] {
    const { rows } = this.options;
    const keys: string[] = [];
    for (let start = 0; start + rows <= SIGNATURE_SIZE; start += rows) {
      let key = `${start}:`;
      for (let i = start; i < start + rows; i++) key += `${sig.mins[i].toString(36)},`;
      keys.push(key);
    }
    return keys;
  }
}
