import type { Kysely } from 'kysely';
import type { Article } from '../../domain/types.js';
import { articleColumns, toArticle } from '../sql/article-row.js';
import { type ArticleCountFilter, SqlArticleRepo } from '../sql/articles.js';
import { sqliteCodec } from '../sql/sqlite-codec.js';
import { sqlTables } from '../sql/tables.js';
import { limitOf, offsetOf } from '../sql/util.js';
import type { ArticleFilter } from '../store.js';
import type { DB } from './schema.js';
import { CHUNK, chunks } from './util.js';

/** The shared reads, with id lists longer than SQLite binds in one statement taken in slices. */
export class SqliteArticleRepo extends SqlArticleRepo {
  constructor(private readonly db: Kysely<DB>) {
    super(sqlTables(db), sqliteCodec);
  }

  async upsert(article: Article): Promise<{ created: boolean }> {
    const cols = articleColumns(article, sqliteCodec);
    // DO NOTHING only on the id conflict: any other constraint failure still throws
    const ins = await this.db
      .insertInto('articles')
      .values({ id: article.id, ...cols })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    if (Number(ins.numInsertedOrUpdatedRows ?? 0) > 0) return { created: true };
    await this.db.updateTable('articles').set(cols).where('id', '=', article.id).execute();
    return { created: false };
  }

  async knownUrls(urls: string[]): Promise<Set<string>> {
    const wanted = [...new Set(urls)];
    const found = new Set<string>();
    for (const part of chunks(wanted)) {
      const rows = await this.db
        .selectFrom('articles')
        .select(['url', 'canonical_url'])
        .where((eb) => eb.or([eb('url', 'in', part), eb('canonical_url', 'in', part)]))
        .execute();
      for (const r of rows) {
        found.add(r.url);
        found.add(r.canonical_url);
      }
    }
    return new Set(wanted.filter((u) => found.has(u)));
  }

  override async list(filter: ArticleFilter = {}): Promise<Article[]> {
    if (!filter.ids || filter.ids.length <= CHUNK) return super.list(filter);
    // each slice's matches, then ordered and paged here
    const slice = (ids: string[]) =>
      this.filtered(this.selectArticles().select('sort_at'), { ...filter, ids }).execute();
    const rows: Awaited<ReturnType<typeof slice>> = [];
    for (const ids of chunks([...new Set(filter.ids)])) rows.push(...(await slice(ids)));
    const at = (r: (typeof rows)[number]) => String(r.sort_at);
    rows.sort((a, b) => at(b).localeCompare(at(a)) || b.id.localeCompare(a.id));
    const start = offsetOf(filter.offset);
    return rows.slice(start, start + limitOf(filter.limit)).map((r) => toArticle(r, sqliteCodec));
  }

  override async count(filter: ArticleCountFilter = {}): Promise<number> {
    if (!filter.ids || filter.ids.length <= CHUNK) return super.count(filter);
    let n = 0;
    for (const ids of chunks([...new Set(filter.ids)])) n += await super.count({ ...filter, ids });
    return n;
  }
}
