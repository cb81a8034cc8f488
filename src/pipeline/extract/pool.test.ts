import { afterEach, describe, expect, it } from 'vitest';
import { LedeError } from '../../lib/errors.js';
import { createExtractorPool, type ExtractorPool } from './pool.js';

const article = `<html><body><article>${'<p>A paragraph of plain news prose, with commas, long enough to count as body text.</p>'.repeat(4)}</article></body></html>`;
// large enough that no machine extracts it in 1 ms
const slow = `<html><body>${'<div class="row"><p>Some words, in a paragraph, that the scorer has to read.</p></div>'.repeat(60_000)}</body></html>`;

let pool: ExtractorPool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

describe('extractor pool', () => {
  it('extracts in worker threads', async () => {
    pool = createExtractorPool({ size: 2, timeoutMs: 20_000 });
    const results = await Promise.all([1, 2, 3].map((n) => pool!.extract(article, `https://e.example/${n}`)));
    for (const r of results) expect(r.text.split('\n')).toHaveLength(4);
  });

  it('kills a page over its time limit with extract_timeout, then keeps working', async () => {
    pool = createExtractorPool({ size: 1, timeoutMs: 1 });
    const error = await pool.extract(slow, 'https://e.example/slow').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LedeError);
    expect((error as LedeError).code).toBe('extract_timeout');
    await pool.close();
    pool = createExtractorPool({ size: 1, timeoutMs: 20_000 });
    expect((await pool.extract(article, 'https://e.example/ok')).text).toContain('plain news prose');
  });

  it('replaces a timed-out worker inside the same pool', async () => {
    // the clock starts once a worker has loaded, so a cold replacement does not time out
    pool = createExtractorPool({ size: 1, timeoutMs: 250 });
    await pool.extract(article, 'https://e.example/warm');
    const big = pool.extract(slow.repeat(8), 'https://e.example/huge');
    const next = pool.extract(article, 'https://e.example/after');
    await expect(big).rejects.toMatchObject({ code: 'extract_timeout' });
    expect((await next).text).toContain('plain news prose');
  });

  it('kills a worker over its heap limit with extract_memory, then keeps working', async () => {
    pool = createExtractorPool({ size: 1, timeoutMs: 60_000, maxOldGenerationSizeMb: 24 });
    await expect(pool.extract(slow, 'https://e.example/heavy')).rejects.toMatchObject({
      code: 'extract_memory',
    });
    expect((await pool.extract(article, 'https://e.example/ok')).text).toContain('plain news prose');
  });

  it('rejects work after close', async () => {
    pool = createExtractorPool({ size: 1 });
    await pool.close();
    await expect(pool.extract(article, '')).rejects.toMatchObject({ code: 'extract_closed' });
  });
});
