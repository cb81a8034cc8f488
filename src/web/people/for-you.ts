// The "For you" list: what the reader follows first, then what their reading suggests, each
// item with the reason it is there; muted sources and words are left out.
import type { Article, Follow, Mute } from '../../domain/types.js';
import type { Store } from '../../storage/store.js';

export interface ForYouItem {
  article: Article;
  why: string;
}

export function isMuted(article: Article, mutes: Mute[]): boolean {
  const text = `${article.title} ${article.description ?? ''}`.toLowerCase();
  return mutes.some((m) =>
    m.kind === 'source' ? article.sourceId === m.value : m.value && text.includes(m.value.toLowerCase()),
  );
}

async function followed(store: Store, f: Follow, names: Map<string, string>): Promise<ForYouItem[]> {
  const limit = 8;
  switch (f.kind) {
    case 'source':
      return (await store.articles.list({ sourceId: f.value, limit })).map((article) => ({
        article,
        why: `You follow ${names.get(f.value) ?? 'this source'}`,
      }));
    case 'tag':
      return (await store.articles.list({ tag: f.value, limit })).map((article) => ({
        article,
        why: `You follow #${f.value}`,
      }));
    case 'category':
      return (await store.articles.list({ category: f.value as Article['category'] & string, limit })).map(
        (article) => ({
          article,
          why: `You follow the ${f.value} section`,
        }),
      );
    case 'story':
      return (await store.articles.list({ storyId: f.value, limit })).map((article) => ({
        article,
        why: 'You follow this story',
      }));
  }
}

export async function forYou(
  store: Store,
  userId: string,
  names: Map<string, string>,
  max = 40,
): Promise<ForYouItem[]> {
  const [follows, mutes, history, bookmarks] = await Promise.all([
    store.follows.list(userId),
    store.mutes.list(userId),
    store.history.recent(userId, 30),
    store.bookmarks.list(userId, { limit: 30 }),
  ]);
  const seen = new Set<string>([...history, ...bookmarks.map((b) => b.articleId)]);
  const out: ForYouItem[] = [];
  const push = (items: ForYouItem[]) => {
    for (const item of items) {
      if (out.length >= max || seen.has(item.article.id) || isMuted(item.article, mutes)) continue;
      seen.add(item.article.id);
      out.push(item);
    }
  };
  const groups = await Promise.all(follows.map((f) => followed(store, f, names)));
  push(
    groups
      .flat()
      .sort((a, b) =>
        (b.article.publishedAt ?? b.article.fetchedAt).localeCompare(
          a.article.publishedAt ?? a.article.fetchedAt,
        ),
      ),
  );

  // suggestions: the tags most frequent in what the reader read or saved
  const readIds = [...new Set([...history, ...bookmarks.map((b) => b.articleId)])].slice(0, 20);
  const read = (await Promise.all(readIds.map((id) => store.articles.get(id)))).filter(
    (a): a is Article => a !== null,
  );
  const tagCount = new Map<string, { n: number; from: Article }>();
  for (const a of read) {
    for (const t of (await store.tags.forArticle(a.id)).slice(0, 5)) {
      const e = tagCount.get(t.slug);
      tagCount.set(t.slug, { n: (e?.n ?? 0) + 1, from: e?.from ?? a });
    }
  }
  const top = [...tagCount.entries()].sort((a, b) => b[1].n - a[1].n).slice(0, 5);
  for (const [slug, { from }] of top) {
    push(
      (await store.articles.list({ tag: slug, limit: 6 })).map((article) => ({
        article,
        why: `Because you read “${from.title}” (#${slug})`,
      })),
    );
  }
  return out;
}
