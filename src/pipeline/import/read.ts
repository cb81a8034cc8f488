// Walks the paths given to `lede import` and yields what they hold, in a stable order: the
// paths as given, and each folder's entries sorted by name (code-unit order, not locale).
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describeError } from '../../lib/errors.js';
import { silentLogger } from '../../lib/log.js';
import { fileKind, readDocumentFile } from './files.js';
import { GroundTruth } from './ground-truth.js';
import { DEFAULT_MAX_BYTES, type ImportOptions, type ImportRecord } from './types.js';
import { readWarc } from './warc.js';

type Walked = { kind: 'file'; path: string } | { kind: 'error'; origin: string; error: string };

async function* walk(
  path: string,
  seenDirs: Set<string>,
  skip: (origin: string, reason: string) => void,
): AsyncGenerator<Walked> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (error) {
    yield { kind: 'error', origin: path, error: describeError(error) };
    return;
  }
  if (info.isFile()) {
    yield { kind: 'file', path };
    return;
  }
  if (!info.isDirectory()) {
    skip(path, 'not a regular file or folder');
    return;
  }
  let names: string[];
  try {
    // a symlinked folder reached twice (or a loop) is read once
    const real = await realpath(path);
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    names = await readdir(path);
  } catch (error) {
    yield { kind: 'error', origin: path, error: describeError(error) };
    return;
  }
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    const child = join(path, name);
    if (name.startsWith('.')) skip(child, 'hidden');
    else yield* walk(child, seenDirs, skip);
  }
}

/**
 * Yields a record for every page and feed in `paths` (files, folders, WARC archives) and an
 * error record for every file that could not be read; files of other kinds are skipped.
 */
export async function* readImportPaths(
  paths: string[],
  options: ImportOptions = {},
): AsyncGenerator<ImportRecord> {
  const logger = options.logger ?? silentLogger;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const skip = (origin: string, reason: string): void => {
    logger.debug({ origin, reason }, 'import_skipped');
    options.onSkip?.(origin, reason);
  };
  const groundTruth = new GroundTruth(logger);
  const seenDirs = new Set<string>();
  for (const root of paths) {
    for await (const entry of walk(root, seenDirs, skip)) {
      if (entry.kind === 'error') {
        yield entry;
        continue;
      }
      const kind = fileKind(entry.path);
      if (kind === null) {
        skip(entry.path, 'not an HTML, feed or WARC file');
      } else if (kind === 'warc') {
        yield* readWarc(entry.path, { maxBytes, skip });
      } else {
        const result = await readDocumentFile(entry.path, kind, { maxBytes, groundTruth });
        if (result.kind === 'skip') skip(entry.path, result.reason);
        else yield result;
      }
    }
  }
}
