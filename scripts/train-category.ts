// Trains the category model (npm run train:category). Deterministic: same data, same bytes.
// Trains only on openly licensed data in ../shared/corpus/train, never on corpus/nlp:
// - news-category: HuffPost News Category Dataset (Misra 2018; Misra & Grover 2021), SIB-200
//   (Adelani et al. 2023), labels mapped to our slugs by models/category-mapping.json;
// - gazetteers, as short synthetic labelled "headlines" that teach the names the headlines lack:
//   independent countries with their demonyms and capitals and non-US cities of 1M+ people ->
//   world (mledoze/countries, ODbL; GeoNames, CC BY 4.0), S&P 500 company names with their
//   sub-industry -> business or technology (datasets/s-and-p-500-companies, ODC-PDDL), US
//   politicians -> politics (unitedstates/congress-legislators, CC0);
// - models/category-glossary.json (written for Lede): general vocabulary of each slug, each term
//   a labelled item weighing GLOSSARY_WEIGHT headlines (the headlines lack e.g. economy words);
// - ner (CC BY / CC BY-SA): its sentences, unlabelled, for one round of self-training.
// Model: complement naive Bayes (Rennie et al. 2003, "Tackling the poor assumptions of naive
// Bayes text classifiers") on L2-normalised log-count unigram+bigram vectors, class-balanced.
// It generalises from headlines to full articles better than the logistic regression it
// replaced (each class is estimated from the other classes' plentiful counts), and it is linear,
// so it ships in the same weight format.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { CATEGORIES, type Category } from '../src/domain/types.js';
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
/** additive smoothing of the complement counts */
const ALPHA = 1;
const GLOSSARY_WEIGHT = 5;
const SCALE = 1000;
const SELF_MIN = 0.8;
/** naive Bayes scores are flat; self-training reads softmax(SELF_TEMPERATURE * score) */
const SELF_TEMPERATURE = 5;
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
  /** counts as this many documents (default 1) */
  weight?: number;
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

const glossary = JSON.parse(readFileSync(join(modelDir, 'category-glossary.json'), 'utf8')) as Record<
  string,
  string
>;
for (const [slug, terms] of Object.entries(glossary)) {
  if (slug.startsWith('_')) continue;
  if (!(CATEGORIES as readonly string[]).includes(slug)) throw new Error(`glossary: unknown slug ${slug}`);
  for (const text of terms.split(';').map((t) => t.trim()))
    if (text) docs.push({ slug: slug as Category, text, weight: GLOSSARY_WEIGHT });
}

const slugs = [...new Set(docs.map((d) => d.slug))].sort() as Category[];
const k = slugs.length;

interface Fit {
  vocab: Map<string, number>;
  W: Float64Array;
  B: Float64Array;
}
/** Complement naive Bayes weights: per class, minus the log of the smoothed share of each feature
 * in the other classes' (class-balanced) mass, centred across classes. */
function fitModel(train: Doc[]): Fit {
  const feats = train.map((d) => categoryFeatures(d.text));
  const df = new Map<string, number>();
  feats.forEach((m, d) => {
    for (const f of m.keys()) df.set(f, (df.get(f) ?? 0) + (train[d].weight ?? 1));
  });
  const vocab = new Map<string, number>();
  for (const f of [...df.keys()].sort()) if (df.get(f)! >= MIN_DF) vocab.set(f, vocab.size);
  const v = vocab.size;
  const y = train.map((d) => slugs.indexOf(d.slug));
  const perClass = new Float64Array(k);
  train.forEach((d, i) => {
    perClass[y[i]] += d.weight ?? 1;
  });
  const total = perClass.reduce((a, b) => a + b, 0);
  // mass[f * k + c]: class-balanced sum of feature f's vector values in class c
  const mass = new Float64Array(v * k);
  feats.forEach((m, d) => {
    const c = y[d];
    const g = ((train[d].weight ?? 1) * total) / (k * perClass[c]);
    const { keys, values } = categoryVector(m, vocab);
    for (let t = 0; t < keys.length; t++) mass[vocab.get(keys[t])! * k + c] += values[t] * g;
  });
  const classMass = new Float64Array(k);
  for (let i = 0; i < v; i++) for (let c = 0; c < k; c++) classMass[c] += mass[i * k + c];
  const allMass = classMass.reduce((a, b) => a + b, 0);
  const W = new Float64Array(v * k);
  for (let i = 0; i < v; i++) {
    let row = 0;
    for (let c = 0; c < k; c++) row += mass[i * k + c];
    let mean = 0;
    for (let c = 0; c < k; c++) {
      const complement = (ALPHA + row - mass[i * k + c]) / (ALPHA * v + allMass - classMass[c]);
      W[i * k + c] = -Math.log(complement);
      mean += W[i * k + c] / k;
    }
    // centring changes no decision (every class gets the same shift) and keeps weights small
    for (let c = 0; c < k; c++) W[i * k + c] -= mean;
  }
  return { vocab, W, B: new Float64Array(k) };
}

/** Softmax posterior of `text` under a fit, sharpened by SELF_TEMPERATURE. */
function posterior({ vocab, W, B }: Fit, text: string): Float64Array {
  const { keys, values } = categoryVector(categoryFeatures(text), vocab);
  const s = Float64Array.from(B);
  for (let t = 0; t < keys.length; t++) {
    const i = vocab.get(keys[t])!;
    for (let c = 0; c < k; c++) s[c] += W[i * k + c] * values[t];
  }
  for (let c = 0; c < k; c++) s[c] *= SELF_TEMPERATURE;
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
  `category: ${fromData} labelled + ${docs.length - fromData} gazetteer/glossary + ${selfDocs.length} self-labelled documents, ${k} slugs, ${Object.keys(sorted).length} features -> ${out}\n`,
);
