// `npm run bench:extraction [-- --data DIR] [--limit N] [--warmup N]`: Lede's extractor and
// @mozilla/readability on linkedom, side by side in one process, through the shared harness and
// evaluator (../shared/bench/extraction). Prints F1/P/R/empty, pages/s and the bars of issue 5.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const shared = resolve(process.env.LEDE_BENCH_DIR ?? join(here, '..', '..', 'shared', 'bench', 'extraction'));

interface Metrics {
  f1: number;
  precision: number;
  recall: number;
  accuracy: number;
  n_empty_predictions: number;
  n_errors: number;
}
interface Throughput {
  pages: number;
  pages_per_s: number;
  ms_per_page_median: number;
  ms_per_page_p95: number;
  ms_per_page_max: number;
  pages_per_cpu_s: number;
  cpu_ms_per_page_p95: number;
  loadavg_1m_before: number;
  cpus: number;
}
interface RunResult {
  name: string;
  metrics: Metrics;
  throughput: Throughput;
  nondeterministic: number;
  output: Record<string, { articleBody: string }>;
}

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    limit: { type: 'string' },
    warmup: { type: 'string' },
    bootstrap: { type: 'string' },
  },
});

const harness = (await import(pathToFileURL(join(shared, 'run-extractor.mjs')).href)) as {
  runExtractor(opts: Record<string, unknown>): Promise<RunResult>;
};

function options(extractor: string) {
  return {
    extractor: join(here, extractor),
    data: resolve(values.data ?? join(shared, 'data')),
    out: null,
    warmup: Number(values.warmup ?? 1),
    limit: Number(values.limit ?? 0),
    timeoutMs: 0,
    name: null,
    evaluate: true,
    nBootstrap: Number(values.bootstrap ?? 200),
    seed: 1,
  };
}

const lede = await harness.runExtractor(options('extraction-lede.ts'));
const readability = await harness.runExtractor(options('extraction-readability.ts'));

const row = (r: RunResult) => {
  const m = r.metrics;
  const t = r.throughput;
  return [
    r.name.padEnd(22),
    m.f1.toFixed(3),
    m.precision.toFixed(3),
    m.recall.toFixed(3),
    m.accuracy.toFixed(3),
    String(m.n_empty_predictions).padStart(5),
    t.pages_per_s.toFixed(1).padStart(8),
    t.pages_per_cpu_s.toFixed(1).padStart(9),
    t.ms_per_page_median.toFixed(1).padStart(7),
    t.ms_per_page_p95.toFixed(1).padStart(7),
    t.ms_per_page_max.toFixed(1).padStart(7),
  ].join('  ');
};

const t0 = lede.throughput;
console.log(
  `data: ${options('x').data} (${t0.pages} pages); load average ${t0.loadavg_1m_before.toFixed(1)} on ${t0.cpus} CPUs`,
);
console.log(
  `${'extractor'.padEnd(22)}  F1     P      R      acc    empty  pages/s  pages/cpu-s  median     p95     max (ms)`,
);
console.log(row(lede));
console.log(row(readability));
const wallRatio = lede.throughput.pages_per_s / readability.throughput.pages_per_s;
const cpuRatio = lede.throughput.pages_per_cpu_s / readability.throughput.pages_per_cpu_s;
console.log(`speed ratio lede/readability: ${wallRatio.toFixed(2)}x wall, ${cpuRatio.toFixed(2)}x cpu`);
const bars: [string, boolean][] = [
  ['F1 >= 0.97', lede.metrics.f1 >= 0.97],
  ['fewer than 3 empty pages', lede.metrics.n_empty_predictions < 3],
  ['>= 2x Readability+linkedom pages/s', wallRatio >= 2],
  ['no page over 200 ms', lede.throughput.ms_per_page_max <= 200],
  ['deterministic', lede.nondeterministic === 0],
];
for (const [bar, ok] of bars) console.log(`${ok ? 'PASS' : 'FAIL'}  ${bar}`);
