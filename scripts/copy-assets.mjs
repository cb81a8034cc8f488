// Copies non-TypeScript files that the program reads at run time (web assets, model and data files)
// from src/ to dist/, keeping their paths.
import { cpSync, existsSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

const keep = new Set([
  '.css',
  '.js',
  '.json',
  '.svg',
  '.png',
  '.ico',
  '.webmanifest',
  '.txt',
  '.gz',
  '.bin',
  '.sql',
]);
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (keep.has(extname(name)) && !name.endsWith('.d.ts')) cpSync(path, path.replace(/^src/, 'dist'));
  }
}
if (existsSync('src')) walk('src');
