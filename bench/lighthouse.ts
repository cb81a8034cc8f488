// bench:lighthouse — Lighthouse 12.2.3 with Debian's Chromium on the home, an article and a story
// page: performance, accessibility, best practices and SEO, each at least 95. The site is the
// web tests' store (test/helpers/web-fixture.ts: sources, a story told by two sources, key
// points, figures, quotes, hashtags, an Arabic article) with 600 synthetic articles added
// (bench/synthetic-store.ts) so that the front page is full, served by Lede on loopback. Mobile
// emulation and simulated throttling, Lighthouse's defaults. Images hotlinked from publishers
// cannot be fetched here (no network): they are blocked, which Lighthouse does not count as a
// console error. Each page is audited three times (--runs N) and scored by the median, as the
// performance score moves with the load on the machine. Prints the four median scores per page,
// every audit that lost points in the median run; exits 1 when a median is under the bar.
// Usage: npm run bench:lighthouse [-- --runs N]  (CHROME_PATH overrides /usr/bin/chromium;
// the median runs' full reports in .bench-out/lighthouse/)
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startSite } from '../test/helpers/browser.js';
import { addSyntheticArticles } from './synthetic-store.js';

const BAR = 95;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
/** runs per page (--runs N): Lighthouse's performance score varies from run to run */
const RUNS = Number(parseArgs({ options: { runs: { type: 'string', default: '3' } } }).values.runs);
/** the full reports, one JSON file per page (its median run) */
const OUT = join('.bench-out', 'lighthouse');

type Result = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];

/** the middle value (the lower of the two middle ones for an even count) */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/**
 * The audits of a category that lost points (weighted, score under 1), and the diagnostics that
 * fail by Lighthouse's own threshold (unweighted, score under 0.9), with what it says of them.
 */
function losses(lhr: Result, category: string): string[] {
  const out: string[] = [];
  for (const ref of lhr.categories[category].auditRefs) {
    const audit = lhr.audits[ref.id];
    if (audit.score === null || audit.score >= (ref.weight === 0 ? 0.9 : 1)) continue;
    const items =
      audit.details && 'items' in audit.details && Array.isArray(audit.details.items)
        ? audit.details.items
            .slice(0, 3)
            .map((item) => {
              const node = (item as { node?: { selector?: string } }).node;
              return node?.selector ?? (item as { url?: string }).url ?? '';
            })
            .filter(Boolean)
        : [];
    out.push(
      `    ${category}: ${ref.id} (score ${audit.score}, ${ref.weight ? `weight ${ref.weight}` : 'diagnostic'})${audit.displayValue ? ` ${audit.displayValue}` : ''}${items.length ? ` — ${items.join(' | ')}` : ''}`,
    );
  }
  return out;
}

/** One Lighthouse run; a broken trace ("Please run Lighthouse again") is retried once. */
async function audit(url: string, port: number, retry = true): Promise<Result> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: [...CATEGORIES],
    // the site is served over plain http on loopback: every https URL is a publisher's image,
    // which cannot be fetched offline
    blockedUrlPatterns: ['https://*'],
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { runtimeError } = result.lhr;
  if (!runtimeError) return result.lhr;
  if (retry) {
    console.error(`  ${url}: ${runtimeError.code}, running it again`);
    return audit(url, port, false);
  }
  throw new Error(`${url}: ${runtimeError.code} ${runtimeError.message}`);
}

async function main(): Promise<number> {
  if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`--runs must be a positive integer, not ${RUNS}`);
  if (!existsSync(CHROME))
    throw new Error(`Chromium is missing at ${CHROME}: install it with sh .ci/install-chromium.sh`);
  const site = await startSite();
  let chrome: chromeLauncher.LaunchedChrome | undefined;
  const pages = {
    home: '/',
    article: `/article/${site.fixture.ids.troops}`,
    story: `/story/${site.fixture.ids.story}`,
  };
  let failed = false;
  mkdirSync(OUT, { recursive: true });
  try {
    // a full front page: a few hundred more articles over the last two days, in stories of five
    await addSyntheticArticles(site.fixture.store, { total: 600, days: 2 });
    chrome = await chromeLauncher.launch({
      chromePath: CHROME,
      chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    console.log(
      `Lighthouse on ${site.base}: median of ${RUNS} runs per page (bar: ${BAR} in every category)`,
    );
    // rounds over the pages rather than one page at a time: a burst of load on this shared
    // machine then falls on different pages, and the median sets it aside
    const runs = new Map<string, Result[]>(Object.keys(pages).map((name) => [name, []]));
    for (let round = 0; round < RUNS; round++)
      for (const [name, path] of Object.entries(pages))
        runs.get(name)?.push(await audit(`${site.base}${path}`, chrome.port));
    console.log(`${'page'.padEnd(8)} ${CATEGORIES.map((c) => c.padStart(15)).join('')}   performance runs`);
    const notes: string[] = [];
    for (const [name, path] of Object.entries(pages)) {
      const results = runs.get(name) ?? [];
      const score = (lhr: Result, c: string) => Math.round((lhr.categories[c].score ?? 0) * 100);
      const medians = CATEGORIES.map((c) => median(results.map((lhr) => score(lhr, c))));
      if (medians.some((m) => m < BAR)) failed = true;
      const performance = results.map((lhr) => score(lhr, 'performance'));
      console.log(
        `${name.padEnd(8)} ${medians.map((m) => String(m).padStart(15)).join('')}   ${performance.join(', ')}`,
      );
      // the run whose performance is the median one stands for the page
      const typical = results.find((lhr) => score(lhr, 'performance') === medians[0]) ?? results[0];
      writeFileSync(join(OUT, `${name}.json`), JSON.stringify(typical));
      const lost = CATEGORIES.flatMap((c) => losses(typical, c));
      if (lost.length) notes.push(`  ${name} ${path} (the median run):`, ...lost);
    }
    if (notes.length) console.log(`\naudits that lost points:\n${notes.join('\n')}`);
    console.log(`full reports: ${OUT}/*.json`);
    console.log(failed ? 'FAIL' : 'PASS');
  } finally {
    chrome?.kill();
    await site.close();
  }
  return failed ? 1 : 0;
}

process.exitCode = await main();
