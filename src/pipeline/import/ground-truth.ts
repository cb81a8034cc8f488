// Optional URL mapping for folders of saved pages: a `ground-truth.json` in the page's folder or
// its parent, shaped `{ "<file id>": { "url": "…" }, … }` (the extraction benchmark's format).
// Pages saved without their address get their real URL back, so re-importing them after a
// live fetch updates the same article instead of adding a `file:` twin.
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Logger } from '../../lib/log.js';

const FILE_NAME = 'ground-truth.json';
const MAX_BYTES = 64 * 1024 * 1024;

/** The id a file is known by in a ground-truth map: its name without known extensions. */
export function fileId(path: string): string {
  return basename(path).replace(/(?:\.(?:html?|xml|rss|atom|json|warc))?(?:\.gz)?$/i, '');
}

export class GroundTruth {
  private readonly maps = new Map<string, Promise<Map<string, string> | null>>();

  constructor(private readonly logger: Logger) {}

  /** The URL a ground-truth file next to `path` (or one folder up) gives for it, if any. */
  async urlFor(path: string): Promise<string | null> {
    const id = fileId(path);
    const dir = dirname(path);
    for (const folder of [dir, dirname(dir)]) {
      const url = (await this.load(join(folder, FILE_NAME)))?.get(id);
      if (url) return url;
    }
    return null;
  }

  private load(file: string): Promise<Map<string, string> | null> {
    let map = this.maps.get(file);
    if (!map) {
      map = this.read(file);
      this.maps.set(file, map);
    }
    return map;
  }

  private async read(file: string): Promise<Map<string, string> | null> {
    try {
      const info = await stat(file);
      if (!info.isFile()) return null;
      if (info.size > MAX_BYTES) throw new Error(`larger than ${MAX_BYTES} bytes`);
      const data: unknown = JSON.parse(await readFile(file, 'utf8'));
      if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error('not a JSON object');
      const map = new Map<string, string>();
      for (const [id, entry] of Object.entries(data)) {
        const url = (entry as { url?: unknown } | null)?.url;
        if (typeof url === 'string' && /^https?:\/\//i.test(url)) map.set(id, url);
      }
      return map;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        // a broken side file should not stop the import; the pages still have their own links
        this.logger.warn({ path: file, err: error }, 'ground_truth_unreadable');
      }
      return null;
    }
  }
}
