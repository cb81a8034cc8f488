// Runs the shared conformance checker (../shared/corpus/feeds/check.mjs) on our parser in a child
// process, so tests and the benchmark use exactly the checker's logic. Not used in production.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORPUS_DIR = path.resolve('../shared/corpus/feeds');
const MODULE = fileURLToPath(new URL('./conformance.ts', import.meta.url));

export interface CorpusReport {
  pass: number;
  fail: number;
  groups: Record<string, { pass: number; fail: number }>;
  failures: Array<{ id: string; failures: string[] }>;
}

/** `which`: 'cases' (cases.json) or 'real-world' (the smoke set). */
export function runCorpus(which: 'cases' | 'real-world'): CorpusReport {
  const dir = mkdtempSync(path.join(tmpdir(), 'lede-feeds-'));
  const out = path.join(dir, 'out.json');
  try {
    const args = ['--import', 'tsx', path.join(CORPUS_DIR, 'check.mjs'), MODULE, '--json', out];
    if (which === 'real-world') args.push('--real-world', path.join(CORPUS_DIR, 'real-world/manifest.json'));
    const run = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 120_000 });
    if (run.status !== 0 && run.status !== 1) throw new Error(`checker failed: ${run.stderr || run.stdout}`);
    const json = JSON.parse(readFileSync(out, 'utf8')) as {
      pass: number;
      fail: number;
      groups: CorpusReport['groups'];
      results: Array<{ id: string; ok: boolean; failures: string[] }>;
    };
    return {
      pass: json.pass,
      fail: json.fail,
      groups: json.groups,
      failures: json.results.filter((r) => !r.ok).map((r) => ({ id: r.id, failures: r.failures })),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
