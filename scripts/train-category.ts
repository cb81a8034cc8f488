// Trains the category model (npm run train:category). Deterministic: same data, same bytes.
// Trains only on openly licensed data in ../shared/corpus/train, never on corpus/nlp:
// - news-category: HuffPost News Category Dataset (Misra 2018; Misra & Grover 2021), SIB-200
//   (Adelani et al. 2023), labels mapped to our slugs by models/category-mapping.json;
// - gazetteers, as short synthetic labelled "headlines" that teach the names the headlines lack:
//   independent countries with their demonyms and capitals and non-US cities of 1M+ people ->
//   world (mledoze/countries, ODbL; GeoNames, CC BY 4.0), S&P 500 company names with their
//   sub-industry -> business or technology (datasets/s-and-p-500-companies, ODC-PDDL), US
//   politicians -> politics (unitedstates/congress-legislators, CC0).
// - ner (CC BY / CC BY-SA): its sentences, unlabelled, for one round of self-training.
// Model: multinomial logistic regression (softmax) on L2-normalised log-count unigram+bigram
// vectors, class-balanced, plain SGD with a seeded shuffle.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Category } from '../src/domain/types.js';
import {
  type CategoryModelFile,
  categoryFeatures,
  categoryVector,
} from '../src/pipeline/enrich/category-model.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const trainDir = resolve(process.argv[2] ?? join(root, '../shared/corpus/train'));
const dataDir = join(trainDir, 'news-category');
const gazDir = join(trainDir, 'gazetteers');
const modelDir = join(root, 'src/pipeline/enrich/models');
const mapping = JSON.parse(readFileSync(join(modelDir, 'category-mapping.json'), 'utf8')) as {
  huffpost: Record<string, Category | null>;
  sib200: Record<string, Category>;
  sp500Sectors: Record<string, Category>;
};

const MIN_DF = 2;
const EPOCHS = 8;
const RATE = 0.5;
const L2 = 1e-5;
const SCALE = 1000;
const SEED = 12345;
const SELF_MIN = 0.8;
const NER_FILES = [
  'btc.jsonl',
  'gum-open.jsonl',
  'uner-en-pud.jsonl',
  'wikigold.jsonl',
  'uner-en-ewt.train.jsonl',
  'wnut17.jsonl',
  'uner-en-ewt.dev.jsonl',
  'uner-en-ewt.test.jsonl',
];

function jsonl(file: string): Record<string, unknown>[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

interface Doc {
  slug: Category;
  text: string;
}
const docs: Doc[] = [];
function addHuffpost(category: string, text: string) {
  const slug = mapping.huffpost[category];
  if (slug === undefined) throw new Error(`unmapped HuffPost category ${category}`);
  if (slug && text.trim()) docs.push({ slug, text });
}
for (const row of jsonl(join(dataDir, 'huffpost-headlines41.jsonl')))
  addHuffpost(String(row.category), String(row.headline));
// the 2018 rows add descriptions; rows whose headline is already in headlines41 add only the description
for (const row of jsonl(join(dataDir, 'huffpost-2018-sample.jsonl'))) {
  const text = row.in_headlines41
    ? String(row.description ?? '')
    : `${row.headline}. ${row.description ?? ''}`;
  addHuffpost(String(row.category), text);
}
for (const row of jsonl(join(dataDir, 'sib200-en.jsonl'))) {
  const slug = mapping.sib200[String(row.category)];
  if (!slug) throw new Error(`unmapped SIB-200 category ${row.category}`);
  docs.push({ slug, text: String(row.text) });
}
const fromData = docs.length;
// gazetteer "headlines"
for (const c of jsonl(join(gazDir, 'countries.jsonl'))) {
  if (c.cca2 === 'US' || !c.independent) continue;
  const names = [c.name, ...((c.demonyms as string[]) ?? []), ...((c.capital as string[]) ?? [])];
  docs.push({ slug: 'world', text: names.join(' . ') });
}
for (const c of jsonl(join(gazDir, 'cities.jsonl')))
  if (c.cc !== 'US' && Number(c.population) >= 1e6) docs.push({ slug: 'world', text: String(c.name) });
for (const c of jsonl(join(gazDir, 'orgs-sp500.jsonl')))
  docs.push({
    slug: mapping.sp500Sectors[String(c.sector)] ?? 'business',
    text: `${c.name} . ${c.sub_industry}`,
  });
for (const p of jsonl(join(gazDir, 'people-us-politicians.jsonl')))
  docs.push({ slug: 'politics', text: String(p.name) });

const slugs = [...new Set(docs.map((d) => d.slug))].sort() as Category[];
const k = slugs.length;

interface Fit {
  vocab: Map<string, number>;
  W: Float64Array;
  B: Float64Array;
}
function fitModel(train: (Doc & { weight?: number })[]): Fit {
  const feats = train.map((d) => categoryFeatures(d.text));
  const df = new Map<string, number>();
  for (const m of feats) for (const f of m.keys()) df.set(f, (df.get(f) ?? 0) + 1);
  const vocab = new Map<string, number>();
  for (const f of [...df.keys()].sort()) if (df.get(f)! >= MIN_DF) vocab.set(f, vocab.size);
  const X = feats.map((m) => {
    const { keys, values } = categoryVector(m, vocab);
    return { idx: Int32Array.from(keys, (f) => vocab.get(f)!), values };
  });
  const y = train.map((d) => slugs.indexOf(d.slug));
  const perClass = new Float64Array(k);
  for (const c of y) perClass[c]++;
  const classWeight = Array.from(perClass, (n) => train.length / (k * n));
  const W = new Float64Array(vocab.size * k);
  const B = new Float64Array(k);
  let seed = SEED;
  const rnd = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    return seed / 0x80000000;
  };
  const order = train.map((_, i) => i);
  const p = new Float64Array(k);
  for (let ep = 0; ep < EPOCHS; ep++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const rate = RATE / (1 + ep);
    for (const d of order) {
      const { idx, values } = X[d];
      let max = -Infinity;
      for (let c = 0; c < k; c++) {
        let s = B[c];
        for (let t = 0; t < idx.length; t++) s += W[idx[t] * k + c] * values[t];
        p[c] = s;
        if (s > max) max = s;
      }
      let z = 0;
      for (let c = 0; c < k; c++) {
        p[c] = Math.exp(p[c] - max);
        z += p[c];
      }
      const g = classWeight[y[d]] * rate * (train[d].weight ?? 1);
      for (let c = 0; c < k; c++) {
        const e = (p[c] / z - (c === y[d] ? 1 : 0)) * g;
        B[c] -= e * 0.1;
        for (let t = 0; t < idx.length; t++) {
          const o = idx[t] * k + c;
          W[o] -= e * values[t] + rate * L2 * W[o];
        }
      }
    }
  }
  return { vocab, W, B };
}

/** Softmax posterior of `text` under a fit. */
function posterior({ vocab, W, B }: Fit, text: string): Float64Array {
  const { keys, values } = categoryVector(categoryFeatures(text), vocab);
  const s = Float64Array.from(B);
  for (let t = 0; t < keys.length; t++) {
    const i = vocab.get(keys[t])!;
    for (let c = 0; c < k; c++) s[c] += W[i * k + c] * values[t];
  }
  const max = Math.max(...s);
  let z = 0;
  for (let c = 0; c < k; c++) z += s[c] = Math.exp(s[c] - max);
  for (let c = 0; c < k; c++) s[c] /= z;
  return s;
}

// Self-training (one round): the openly licensed NER corpora (news, Wikipedia, web text, tweets;
// ../ner, CC BY / CC BY-SA) are unlabelled text in a wider vocabulary than the headlines. Units
// of up to three consecutive sentences of one document that the first model labels with
// posterior >= SELF_MIN join the training set with that label.
const units: string[] = [];
for (const name of NER_FILES) {
  let current = '';
  let inUnit = 0;
  let prevDoc: unknown = null;
  for (const row of jsonl(join(trainDir, 'ner', name))) {
    const text = (row.tokens as string[]).join(' ');
    if (row.doc && row.doc === prevDoc && inUnit < 3) {
      current += ` ${text}`;
      inUnit++;
    } else {
      if (current) units.push(current);
      current = text;
      inUnit = 1;
    }
    prevDoc = row.doc ?? null;
  }
  if (current) units.push(current);
}
const first = fitModel(docs);
const selfDocs: Doc[] = [];
for (const text of units) {
  const p = posterior(first, text);
  let best = 0;
  for (let c = 1; c < k; c++) if (p[c] > p[best]) best = c;
  if (p[best] >= SELF_MIN) selfDocs.push({ slug: slugs[best], text });
}
const { vocab, W, B } = fitModel([...docs, ...selfDocs]);

const features: Record<string, number[]> = {};
for (const [f, i] of vocab) {
  const row: number[] = [];
  for (let c = 0; c < k; c++) {
    const q = Math.round(W[i * k + c] * SCALE);
    if (q !== 0) row.push(c, q);
  }
  features[f] = row; // zero rows too: the vector norm at inference must see every known feature
}
const sorted: Record<string, number[]> = {};
for (const f of Object.keys(features).sort()) sorted[f] = features[f];
const model: CategoryModelFile = {
  version: 2,
  slugs,
  scale: SCALE,
  bias: Array.from(B, (b) => Math.round(b * SCALE)),
  features: sorted,
};
const out = join(modelDir, 'category.json.gz');
// mtime 0 in the gzip header keeps the file byte-identical across runs
writeFileSync(out, gzipSync(JSON.stringify(model), { level: 9 }));
process.stderr.write(
  `category: ${fromData} labelled + ${docs.length - fromData} gazetteer + ${selfDocs.length} self-labelled documents, ${k} slugs, ${Object.keys(sorted).length} features -> ${out}\n`,
);
