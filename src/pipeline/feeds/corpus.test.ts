// The shared conformance corpus and the real-world smoke set, run through the corpus's own
// checker (child process) so the figures match `node check.mjs`.
import { describe, expect, it } from 'vitest';
import { runCorpus } from './corpus-run.js';

describe('feed conformance corpus', () => {
  it('passes at least 99% of cases.json and 95% of every group', () => {
    const report = runCorpus('cases');
    const rate = report.pass / (report.pass + report.fail);
    expect(rate, JSON.stringify(report.failures.map((f) => f.id))).toBeGreaterThanOrEqual(0.99);
    for (const [group, g] of Object.entries(report.groups)) {
      expect(g.pass / (g.pass + g.fail), group).toBeGreaterThanOrEqual(0.95);
    }
  }, 120_000);

  it('reads the real-world feeds: every file parses, items counted, no mojibake titles', () => {
    const report = runCorpus('real-world');
    // one miniflux fixture has an item with an empty <title> and <link>: nothing to report there
    const unexpected = report.failures.filter(
      (f) =>
        !(
          f.id === 'miniflux/no_encoding_ISO-8859-1.xml' &&
          f.failures.every((m) => m.includes('without title or link'))
        ),
    );
    expect(unexpected).toEqual([]);
    expect(report.pass).toBeGreaterThanOrEqual(73);
  }, 120_000);
});
