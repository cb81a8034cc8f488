/**
 * Averaged-perceptron training for the entity tagger (used by scripts/train-ner.ts only).
 * Deterministic: fixed seed, fixed file order, greedy decoding with the model's own previous tags.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  docEvidence,
  type FeatureContext,
  featureStrings,
  LEXICAL_PREFIXES,
  shape,
  tagFeatures,
} from './ner-features.js';

export interface TrainDoc {
  sentences: Array<{ words: string[]; tags: string[] }>;
  weight: number;
}

interface Prepared {
  ids: Int32Array[];
  /** word-identity features, dropped at random so that shape/context/gazetteer learn unknown names */
  lex: Int32Array[];
  lower: string[];
  shapes: string[];
  gold: number[];
  weight: number;
}

export const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'];

/** Park-Miller style generator: the same seed gives the same shuffles on every machine. */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (s * 48271) % 2147483647;
    return s / 2147483647;
  };
}

/** Reads corpus/train/ner files, grouping sentences by `doc` (sentences without one stand alone). */
export function loadDocs(dir: string, files: Array<[string, number]>, keepMisc: boolean): TrainDoc[] {
  const docs: TrainDoc[] = [];
  for (const [file, weight] of files) {
    let current: TrainDoc | null = null;
    let currentId: string | undefined;
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const row = JSON.parse(line) as { doc?: string; tokens: string[]; tags: string[] };
      const tags = row.tags.map((t) => (!keepMisc && t.endsWith('MISC') ? 'O' : t));
      if (!current || row.doc === undefined || row.doc !== currentId) {
        current = { sentences: [], weight };
        docs.push(current);
        currentId = row.doc;
      }
      current.sentences.push({ words: row.tokens, tags });
    }
  }
  return docs;
}

/** Adds capitalised copies of some sentences, so headlines in capitals are seen in training. */
export function augmentCaps(docs: TrainDoc[], seed: number, share: number): void {
  const rand = rng(seed);
  for (const doc of docs) {
    const extra: TrainDoc['sentences'] = [];
    for (let i = 0; i < doc.sentences.length; i++) {
      const s = doc.sentences[i];
      if ((i === 0 && doc.sentences.length > 2) || rand() < share) {
        extra.push({ words: s.words.map((w) => w.toUpperCase()), tags: s.tags });
      }
    }
    doc.sentences.push(...extra);
  }
}

const LEXICAL = ['w=', ...LEXICAL_PREFIXES];
function isLexical(f: string): boolean {
  return LEXICAL.some((p) => f.startsWith(p));
}

export class Trainer {
  readonly index = new Map<string, number>();
  private w = new Float64Array(0);
  private u = new Float64Array(0);
  private c = 1;
  private readonly n: number;

  /** Only the tags that occur: a tag never seen in training would only cost time when tagging. */
  constructor(readonly tags: readonly string[] = TAGS) {
    this.n = tags.length;
  }
  private readonly prepared: Prepared[] = [];

  private id(feature: string, grow: boolean): number {
    let id = this.index.get(feature);
    if (id === undefined) {
      if (!grow) return -1;
      id = this.index.size;
      this.index.set(feature, id);
      if ((id + 1) * this.n > this.w.length) {
        const size = Math.max(1 << 16, this.w.length * 2);
        const w = new Float64Array(size);
        w.set(this.w);
        this.w = w;
        const u = new Float64Array(size);
        u.set(this.u);
        this.u = u;
      }
    }
    return id;
  }

  prepare(docs: TrainDoc[], ctx: FeatureContext, minCount: number): void {
    const counts = new Map<string, number>();
    const all: Array<{ feats: string[][]; words: string[]; tags: string[]; weight: number }> = [];
    for (const doc of docs) {
      const evidence = docEvidence(doc.sentences.map((s) => s.words));
      for (const s of doc.sentences) {
        const feats = featureStrings(s.words, ctx, evidence);
        for (const fs of feats) for (const f of fs) counts.set(f, (counts.get(f) ?? 0) + 1);
        all.push({ feats, words: s.words, tags: s.tags, weight: doc.weight });
      }
    }
    const keep = (f: string) => (counts.get(f) ?? 0) >= minCount;
    for (const s of all) {
      this.prepared.push({
        ids: s.feats.map((fs) =>
          Int32Array.from(fs.filter((f) => keep(f) && !isLexical(f)).map((f) => this.id(f, true))),
        ),
        lex: s.feats.map((fs) =>
          Int32Array.from(fs.filter((f) => keep(f) && isLexical(f)).map((f) => this.id(f, true))),
        ),
        lower: s.words.map((w) => w.toLowerCase()),
        shapes: s.words.map(shape),
        gold: s.tags.map((t) => Math.max(0, this.tags.indexOf(t))),
        weight: s.weight,
      });
    }
  }

  get sentences(): number {
    return this.prepared.length;
  }

  private update(id: number, tag: number, delta: number): void {
    const k = id * this.n + tag;
    this.w[k] += delta;
    this.u[k] += this.c * delta;
  }

  epoch(rand: () => number, dropout = 0): { tokens: number; errors: number } {
    const order = this.prepared.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const scores = new Float64Array(this.n);
    const dyn: number[] = [];
    let tokens = 0;
    let errors = 0;
    for (const si of order) {
      const s = this.prepared[si];
      let prev = 'O';
      let prev2 = '<s>';
      for (let i = 0; i < s.ids.length; i++) {
        scores.fill(0);
        dyn.length = 0;
        const drop = dropout > 0 && rand() < dropout;
        for (const f of tagFeatures(prev, prev2, s.lower[i], s.shapes[i])) {
          if (!drop || !isLexical(f)) dyn.push(this.id(f, true));
        }
        const lists = drop ? [s.ids[i], dyn] : [s.ids[i], s.lex[i], dyn];
        for (const list of lists) {
          for (const id of list) {
            const row = id * this.n;
            for (let t = 0; t < this.n; t++) scores[t] += this.w[row + t];
          }
        }
        // Unconstrained argmax: a wrong I- after O must be penalised, or I- weights run away.
        let best = 0;
        for (let t = 1; t < this.n; t++) if (scores[t] > scores[best]) best = t;
        const gold = s.gold[i];
        if (best !== gold) {
          errors++;
          for (const list of lists) {
            for (const id of list) {
              this.update(id, gold, s.weight);
              this.update(id, best, -s.weight);
            }
          }
        }
        this.c++;
        tokens++;
        prev2 = prev;
        prev = this.tags[best];
      }
    }
    return { tokens, errors };
  }

  /** Averaged weights, [feature][tag], and the feature names in id order. */
  averaged(): { features: string[]; weights: Float64Array } {
    const features = new Array<string>(this.index.size);
    for (const [f, id] of this.index) features[id] = f;
    const weights = new Float64Array(features.length * this.n);
    for (let k = 0; k < weights.length; k++) weights[k] = this.w[k] - this.u[k] / this.c;
    return { features, weights };
  }
}
