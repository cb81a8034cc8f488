import type { Article } from '../../domain/types.js';
import { ArticleCard } from './article-card.js';
import { Layout, type PageContext } from './layout.js';

export interface ListingData {
  title: string;
  articles: Article[];
  sourceNames: Map<string, string>;
  /** query string of the next (older) page, when there is one */
  olderHref: string | null;
  newerHref: string | null;
}

/** A titled, paginated list of articles (category pages; later hashtag pages). */
export function ListingPage({ ctx, data }: { ctx: PageContext; data: ListingData }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={data.title}>
      <h1>{data.title}</h1>
      {data.articles.length === 0 ? <p class="empty">{t('source.noArticles')}</p> : null}
      <div class="grid">
        {data.articles.map((a) => (
          <ArticleCard
            article={a}
            ctx={ctx}
            sourceName={a.sourceId ? data.sourceNames.get(a.sourceId) : undefined}
          />
        ))}
      </div>
      <nav class="pager" aria-label="Pages">
        {data.newerHref ? <a href={data.newerHref}>{t('pager.newer')}</a> : null}{' '}
        {data.olderHref ? <a href={data.olderHref}>{t('pager.older')}</a> : null}
      </nav>
    </Layout>
  );
}
