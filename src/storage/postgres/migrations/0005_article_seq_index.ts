// Workers sharing one database learn what the others placed, moved or merged since their last
// turn by `articles.seq` (see cluster-sync.ts: WHERE seq > $mark ORDER BY seq): without an
// index every placement turn read the whole table.
import type { Migration } from './types.js';

export const migration: Migration = {
  version: 5,
  name: 'article_seq_index',
  async up(client) {
    await client.query('CREATE INDEX IF NOT EXISTS articles_seq ON articles (seq)');
  },
};
