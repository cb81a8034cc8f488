// Trains the category model (npm run train:category). Deterministic: same data, same bytes.
// Trains only on the openly licensed ../shared/corpus/train/news-category (HuffPost News Category
// Dataset, Misra 2018 / Misra & Grover 2021; SIB-200, Adelani et al. 2023), never on corpus/nlp.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Category } from '../src/domain/types.js';
import { type CategoryModelFile, categoryFeatures } from '../src/pipeline/enrich/category-model.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = resolve(process.argv[2] ?? join(root, '../shared/corpus/train/news-category'));
const modelDir = join(root, 'src/pipeline/enrich/models');
const mapping = JSON.parse(readFileSync(join(modelDir, 'category-mapping.json'), 'utf8')) as {
  huffpost: Record<string, Category | null>;
  sib200: Record<string, Category>;
  merge: Record<string, string>;
};

const MIN_DF = 2;
const ALPHA = 0.1;

function jsonl(name: string): Record<string, unknown>[] {
  return readFileSync(join(dataDir, name), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

interface Doc {
  cls: string;
  slug: Category;
  text: string;
}
const docs: Doc[] = [];
function addHuffpost(category: string, text: string) {
  const slug = mapping.huffpost[category];
  if (slug === undefined) throw new Error(`unmapped HuffPost category ${category}`);
  if (slug && text.trim()) docs.push({ cls: `huffpost:${mapping.merge[category] ?? category}`, slug, text });
}
for (const row of jsonl('huffpost-headlines41.jsonl'))
  addHuffpost(String(row.category), String(row.headline));
// the 2018 rows add descriptions; rows whose headline is already in headlines41 add only the description
for (const row of jsonl('huffpost-2018-sample.jsonl')) {
  const text = row.in_headlines41
    ? String(row.description ?? '')
    : `${row.headline}. ${row.description ?? ''}`;
  addHuffpost(String(row.category), text);
}
for (const row of jsonl('sib200-en.jsonl')) {
  const slug = mapping.sib200[String(row.category)];
  if (!slug) throw new Error(`unmapped SIB-200 category ${row.category}`);
  docs.push({ cls: `sib200:${row.category}`, slug, text: String(row.text) });
}

const classes = [...new Set(docs.map((d) => d.cls))].sort();
const classIndex = new Map(classes.map((c, i) => [c, i]));
const slugs = classes.map((c) => docs.find((d) => d.cls === c)!.slug);
const docCount = new Array<number>(classes.length).fill(0);
const counts = new Map<string, Map<number, number>>();
const df = new Map<string, number>();
for (const doc of docs) {
  const c = classIndex.get(doc.cls)!;
  docCount[c]++;
  for (const [f, n] of categoryFeatures(doc.text)) {
    df.set(f, (df.get(f) ?? 0) + 1);
    let row = counts.get(f);
    if (!row) {
      row = new Map();
      counts.set(f, row);
    }
    row.set(c, (row.get(c) ?? 0) + n);
  }
}

const features: Record<string, number[]> = {};
for (const f of [...counts.keys()].sort()) {
  if ((df.get(f) ?? 0) < MIN_DF) continue;
  const row = counts.get(f)!;
  features[f] = [...row.keys()].sort((a, b) => a - b).flatMap((c) => [c, row.get(c)!]);
}
const model: CategoryModelFile = {
  version: 1,
  classes,
  slugs,
  docs: docCount,
  features,
  totalDocs: docs.length,
  alpha: ALPHA,
};
const out = join(modelDir, 'category.json.gz');
// mtime 0 in the gzip header keeps the file byte-identical across runs
writeFileSync(out, gzipSync(JSON.stringify(model), { level: 9 }));
process.stderr.write(
  `category: ${docs.length} documents, ${classes.length} classes, ${Object.keys(features).length} features -> ${out}\n`,
);
