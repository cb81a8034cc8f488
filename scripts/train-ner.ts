/**
 * Trains the entity tagger on corpus/train/ner (openly licensed data only) and writes
 * src/pipeline/enrich/models/{ner,gazetteer}.json.gz. Deterministic: fixed seed and file order.
 *   npm run train:ner [-- --epochs 8 --out path/ner.json.gz]
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { Gazetteer } from '../src/pipeline/enrich/gazetteer.js';
import { buildGazetteer } from '../src/pipeline/enrich/gazetteer-build.js';
import { encodeModel } from '../src/pipeline/enrich/ner-model.js';
import { augmentCaps, loadDocs, rng, TAGS, Trainer } from '../src/pipeline/enrich/ner-train.js';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: '/work/shared/corpus/train' },
    models: { type: 'string', default: 'src/pipeline/enrich/models' },
    out: { type: 'string' },
    epochs: { type: 'string', default: '8' },
    seed: { type: 'string', default: '20261128' },
    'min-count': { type: 'string', default: '2' },
    caps: { type: 'string', default: '0.05' },
    misc: { type: 'string', default: 'no' },
    dropout: { type: 'string', default: '0' },
    social: { type: 'string', default: '1' },
  },
});

// Social-media files help (train README); full weight scored better on the dev set than half.
const FILES: Array<[string, number]> = [
  ['uner-en-ewt.train.jsonl', 1],
  ['uner-en-ewt.dev.jsonl', 1],
  ['uner-en-ewt.test.jsonl', 1],
  ['uner-en-pud.jsonl', 1],
  ['wikigold.jsonl', 1],
  ['gum-open.jsonl', 1],
  ['wnut17.jsonl', Number(values.social)],
  ['btc.jsonl', Number(values.social)],
];

const t0 = Date.now();
const log = (msg: string) => process.stderr.write(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}\n`);

const gazData = buildGazetteer(join(values.corpus, 'gazetteers'));
writeFileSync(join(values.models, 'gazetteer.json.gz'), gzipSync(JSON.stringify(gazData), { level: 9 }));
const gazetteer = new Gazetteer(gazData);
log(`gazetteer: ${gazetteer.size} names`);

const seed = Number(values.seed);
const docs = loadDocs(join(values.corpus, 'ner'), FILES, values.misc === 'yes');
augmentCaps(docs, seed, Number(values.caps));
const tags = values.misc === 'yes' ? TAGS : TAGS.filter((t) => !t.endsWith('MISC'));
const trainer = new Trainer(tags);
trainer.prepare(docs, { gazetteer }, Number(values['min-count']));
log(`prepared ${trainer.sentences} sentences, ${trainer.index.size} features`);

const rand = rng(seed);
for (let e = 1; e <= Number(values.epochs); e++) {
  const { tokens, errors } = trainer.epoch(rand, Number(values.dropout));
  log(`epoch ${e}: token error ${((100 * errors) / tokens).toFixed(2)}%`);
}
const { features, weights } = trainer.averaged();
const out = values.out ?? join(values.models, 'ner.json.gz');
const buf = encodeModel([...tags], features, weights);
writeFileSync(out, buf);
log(`wrote ${out} (${(buf.length / 1e6).toFixed(2)} MB)`);
