// bench:lighthouse — Lighthouse 12.2.3 with Debian's Chromium on the home, an article and a story
// page: performance, accessibility, best practices and SEO, each at least 95. The site is the
// web tests' store (test/helpers/web-fixture.ts: sources, a story told by two sources, key
// points, figures, quotes, hashtags, an Arabic article) with 600 synthetic articles added
// (bench/synthetic-store.ts) so that the front page is full, served by Lede on loopback. Mobile
// emulation and simulated throttling, Lighthouse's defaults. Images hotlinked from publishers
// cannot be fetched here (no network): they are blocked, which Lighthouse does not count as a
// console error. Prints the four scores per page and every audit that lost points; exits 1
// when a score is under the bar.  Usage: npm run bench:lighthouse  (CHROME_PATH overrides
// /usr/bin/chromium; full reports in .bench-out/lighthouse/)
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startSite } from '../test/helpers/browser.js';
import { addSyntheticArticles } from './synthetic-store.js';

const BAR = 95;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
/** the full reports, one JSON file per page */
const OUT = join('.bench-out', 'lighthouse');

type Result = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];

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
    console.log(`Lighthouse on ${site.base} (bar: ${BAR} in every category)`);
    console.log(`${'page'.padEnd(8)} ${CATEGORIES.map((c) => c.padStart(15)).join('')}`);
    const notes: string[] = [];
    for (const [name, path] of Object.entries(pages)) {
      const lhr = await audit(`${site.base}${path}`, chrome.port);
      writeFileSync(join(OUT, `${name}.json`), JSON.stringify(lhr));
      const scores = CATEGORIES.map((c) => Math.round((lhr.categories[c].score ?? 0) * 100));
      if (scores.some((s) => s < BAR)) failed = true;
      console.log(`${name.padEnd(8)} ${scores.map((s) => String(s).padStart(15)).join('')}`);
      const lost = CATEGORIES.flatMap((c) => losses(lhr, c));
      if (lost.length) notes.push(`  ${name} ${path}:`, ...lost);
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
