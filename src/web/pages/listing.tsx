import type { Child } from 'hono/jsx';
import type { Article } from '../../domain/types.js';
import { ArticleCard } from './article-card.js';
import { feedHref, Layout, type PageContext } from './layout.js';

export interface ListingData {
  title: string;
  description?: string;
  articles: Article[];
  sourceNames: Map<string, string>;
  /** query string of the next (older) page, when there is one */
  olderHref: string | null;
  newerHref: string | null;
  feed?: string;
  /** shown beside the list (what Lede knows of a hashtag) */
  aside?: Child;
}

export function Pager({
  ctx,
  older,
  newer,
}: {
  ctx: PageContext;
  older: string | null;
  newer: string | null;
}) {
  if (!older && !newer) return null;
  return (
    <nav class="pager" aria-label={ctx.t('pager.label')}>
      {newer ? (
        <a href={newer} rel="prev">
          {ctx.t('pager.newer')}
        </a>
      ) : null}{' '}
      {older ? (
        <a href={older} rel="next">
          {ctx.t('pager.older')}
        </a>
      ) : null}
    </nav>
  );
}

export function FeedLinks({ ctx, feed }: { ctx: PageContext; feed: string }) {
  return (
    <p class="feeds">
      {ctx.t('feeds.subscribe')}: <a href={feedHref(feed, 'xml')}>RSS</a> ·{' '}
      <a href={feedHref(feed, 'atom')}>Atom</a> · <a href={feedHref(feed, 'json')}>JSON Feed</a>
    </p>
  );
}

/** A titled, paginated list of articles (category and hashtag pages). */
export function ListingPage({ ctx, data }: { ctx: PageContext; data: ListingData }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={data.title} description={data.description} feed={data.feed}>
      <h1>{data.title}</h1>
      {data.aside}
      {data.articles.length === 0 ? <p class="empty">{t('source.noArticles')}</p> : null}
      <div class="grid">
        {data.articles.map((a) => (
          <ArticleCard
            article={a}
            ctx={ctx}
            sourceName={a.sourceId ? data.sourceNames.get(a.sourceId) : undefined}
            level={data.aside ? 3 : 2}
          />
        ))}
      </div>
      <Pager ctx={ctx} older={data.olderHref} newer={data.newerHref} />
      {data.feed ? <FeedLinks ctx={ctx} feed={data.feed} /> : null}
    </Layout>
  );
}
