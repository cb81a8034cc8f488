// Fingerprints of article text: an exact hash over normalised text (same words, whatever the
// markup, case, punctuation or spacing) and MinHash signatures over word shingles for
// near-duplicates (wire copies that were re-headlined, cut or padded).
import { hexHash } from '../../lib/hash.js';
import { words } from './text.js';

/** The text as a plain word sequence: case, punctuation, spacing and Unicode forms do not count. */
export function normalizeText(text: string): string {
  return words(text.normalize('NFKC')).join(' ');
}

/** Article.contentHash: equal for texts that differ only in case, punctuation or spacing. */
export function contentHash(text: string): string {
  return hexHash(normalizeText(text), 32);
}

export const SHINGLE_WORDS = 4;
export const SIGNATURE_SIZE = 128;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const SPACE = 32;

/** FNV-1a continued over a string, from state `h`: a fast 32-bit hash for shingles. */
function fnv1a(value: string, h = FNV_OFFSET): number {
  let x = h;
  for (let i = 0; i < value.length; i++) {
    x ^= value.charCodeAt(i);
    x = Math.imul(x, FNV_PRIME);
  }
  return x;
}

/** fnv1a of the words from..to joined by spaces, without building the joined string. */
function fnv1aJoined(list: readonly string[], from: number, to: number): number {
  let h = fnv1a(list[from]);
  for (let k = from + 1; k < to; k++) h = fnv1a(list[k], Math.imul(h ^ SPACE, FNV_PRIME));
  return h >>> 0;
}

/** murmur3's finaliser: turns (shingle hash xor seed) into one independent-looking permutation. */
function mix(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEEDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix(0x9e3779b9 + i * 0x7f4a7c15));

/** Distinct hashed word shingles of a text (short texts give one shingle of all their words). */
export function shingles(text: string, size = SHINGLE_WORDS): Set<number> {
  const list = words(text.normalize('NFKC'));
  const out = new Set<number>();
  if (list.length === 0) return out;
  const span = Math.min(size, list.length);
  for (let i = 0; i + span <= list.length; i++) out.add(fnv1aJoined(list, i, i + span));
  return out;
}

export interface Signature {
  /** minimum hash per permutation */
  mins: Uint32Array;
  /** number of distinct shingles, to turn a Jaccard estimate into containment */
  size: number;
}

export function minhash(text: string): Signature {
  const set = shingles(text);
  const mins = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (const h of set) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const v = mix(h ^ SEEDS[i]);
      if (v < mins[i]) mins[i] = v;
    }
  }
  return { mins, size: set.size };
}

/** Share of permutations with the same minimum: an unbiased estimate of the Jaccard index. */
export function estimateJaccard(a: Signature, b: Signature): number {
  if (a.size === 0 || b.size === 0) return 0;
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a.mins[i] === b.mins[i]) same++;
  return same / SIGNATURE_SIZE;
}

/**
 * Share of the smaller text found in the larger one, from the Jaccard estimate and the set
 * sizes: |A∩B| = J(|A|+|B|)/(1+J). A cut copy keeps high containment while its Jaccard drops.
 */
export function estimateContainment(a: Signature, b: Signature, jaccard: number): number {
  const smaller = Math.min(a.size, b.size);
  if (smaller === 0) return 0;
  return Math.min(1, (jaccard * (a.size + b.size)) / (1 + jaccard) / smaller);
}
