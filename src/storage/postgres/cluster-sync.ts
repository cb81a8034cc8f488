// Story clustering with many workers on one PostgreSQL. Each worker keeps the clusterer in
// memory; the placement step (enrich, place, store) runs under one cluster-wide advisory lock,
// and whoever takes it first learns the articles other workers placed since its last turn (by
// articles.seq, drawn when a row is inserted and drawn again when a move or a merge changes its
// story: each article comes back once, with its latest story). Placements are serialised, so
// that order is commit order. Fetching and extraction, the slow part, still run in parallel.
import type { Article } from '../../domain/types.js';
import { ARTICLE_COLUMNS, type ArticleRecord, toArticle } from '../sql/article-row.js';
import { postgresCodec } from '../sql/postgres-codec.js';
import { openPool } from './index.js';
import { openSessionLock, type SessionLock } from './locks.js';

export interface ClusterSync {
  /** Takes the cluster lock (in-process turns first, so one connection waits per process). */
  enter(): Promise<void>;
  leave(): Promise<void>;
  /**
   * Articles whose story was stored or changed after `seq` (all processes), oldest change first,
   * and the new mark.
   */
  placedSince(seq: string): Promise<{ articles: Article[]; seq: string }>;
  /** The current mark: the largest articles.seq stored. */
  mark(): Promise<string>;
  close(): Promise<void>;
}

export async function openClusterSync(url: string): Promise<ClusterSync> {
  const { pool } = await openPool(url, { max: 2 });
  let lock: SessionLock;
  try {
    lock = await openSessionLock(url, `cluster:${new URL(url).searchParams.get('schema') ?? ''}`);
  } catch (error) {
    await pool.end();
    throw error;
  }
  let turn: Promise<void> = Promise.resolve();
  let release: (() => void) | null = null;
  const columns = ARTICLE_COLUMNS.map((c) => `"${c}"`).join(', ');
  return {
    async enter() {
      const previous = turn;
      let done!: () => void;
      turn = new Promise<void>((resolve) => {
        done = resolve;
      });
      await previous;
      try {
        await lock.acquire({ pollMs: 20 });
      } catch (error) {
        done();
        throw error;
      }
      release = done;
    },
    async leave() {
      const done = release;
      release = null;
      try {
        await lock.release();
      } finally {
        done?.();
      }
    },
    async placedSince(seq) {
      const { rows } = await pool.query<ArticleRecord & { seq: string }>(
        `SELECT ${columns}, seq FROM articles WHERE seq > $1 AND story_id IS NOT NULL ORDER BY seq LIMIT 5000`,
        [seq],
      );
      return {
        articles: rows.map((r) => toArticle(r, postgresCodec)),
        seq: rows.length > 0 ? rows[rows.length - 1].seq : seq,
      };
    },
    async mark() {
      const { rows } = await pool.query<{ s: string | null }>('SELECT max(seq)::text AS s FROM articles');
      return rows[0]?.s ?? '0';
    },
    async close() {
      await lock.close().catch(() => {});
      await pool.end();
    },
  };
}
