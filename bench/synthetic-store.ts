// Fills a store with synthetic articles (bench/synthetic.ts) through the Store API, as the
// pipeline would leave them: 50 sources, enriched articles with key points and hashtags, one
// story per five articles, tags on every tenth. Shared by bench:serve and bench:lighthouse.
import type { Enrichment, Story } from '../src/domain/types.js';
import { splitSentences } from '../src/pipeline/enrich/sentences.js';
import { article as fixtureArticle } from '../src/storage/contract/fixtures.js';
import type { Store } from '../src/storage/store.js';
import { generator } from './synthetic.js';

export interface SyntheticStoreOptions {
  total: number;
  /** publication times spread over this many days up to now */
  days: number;
  /** id of the last article, whose text is ten articles long (the page bench:serve loads) */
  longId?: string;
  /** called after each transaction with the number of articles stored so far */
  onBatch?(stored: number): void;
}

function enrichmentOf(text: string, hashtags: string[]): Enrichment {
  const sentences = splitSentences(text);
  const pick = (i: number) => sentences[Math.min(i, sentences.length - 1)];
  return {
    language: 'en',
    category: 'world',
    entities: [],
    hashtags,
    keyPoints: [0, 3, 7].map((i) => ({
      text: text.slice(pick(i).start, pick(i).end),
      start: pick(i).start,
      end: pick(i).end,
    })),
    figures: [],
    quotes: [],
    events: [],
    readingMinutes: Math.round(text.split(' ').length / 230),
  };
}

export async function addSyntheticArticles(store: Store, options: SyntheticStoreOptions): Promise<void> {
  const { total } = options;
  const sources: string[] = [];
  for (let i = 0; i < 50; i++) {
    const added = await store.sources.add({
      name: `Source ${i}`,
      feedUrl: `https://s${i}.example/feed`,
      country: 'GB',
      language: 'en',
      displayPolicy: 'full',
    });
    sources.push(added.source.id);
  }
  const next = generator({ seed: 3, days: options.days });
  const batch = 2000;
  for (let from = 0; from < total; from += batch) {
    await store.transaction(async (tx) => {
      for (let i = from; i < Math.min(total, from + batch); i++) {
        const s = next(i, total);
        const long = options.longId !== undefined && i === total - 1;
        const text = long ? Array.from({ length: 10 }, (_, k) => next(k, 10).text).join('\n') : s.text;
        const tags = [`tag-${i % 500}`, `tag-${(i * 7) % 500}`];
        const article = fixtureArticle(s.id, {
          id: long ? (options.longId as string) : s.id,
          sourceId: sources[s.sourceIndex],
          title: s.title,
          byline: 'Staff reporter',
          description: s.description,
          publishedAt: s.publishedAt,
          text,
          html: '',
          leadImage: {
            url: `https://img.example/${s.id}.jpg`,
            caption: 'A caption',
            credit: 'Agency',
            width: 1200,
            height: 675,
          },
          category: s.category,
          enrichment: enrichmentOf(text, tags),
          storyId: `synthetic-story-${Math.floor(i / 5)}`,
          fetchedAt: s.publishedAt,
          updatedAt: s.publishedAt,
        });
        await tx.articles.upsert(article);
        if (i % 10 === 0 || long)
          await tx.tags.setForArticle(
            article.id,
            tags.map((slug) => ({ slug, name: slug, type: 'topic' as const })),
          );
        if (i % 5 === 4 || long) {
          const story: Story = {
            id: article.storyId as string,
            title: s.title,
            leadArticleId: article.id,
            articleCount: 5,
            sourceCount: 3,
            category: s.category,
            firstPublishedAt: s.publishedAt,
            lastPublishedAt: s.publishedAt,
            mergedInto: null,
            createdAt: s.publishedAt,
            updatedAt: s.publishedAt,
          };
          await tx.stories.upsert(story);
        }
      }
    });
    options.onBatch?.(Math.min(total, from + batch));
  }
}
