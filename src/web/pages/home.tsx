import type { Article, Category } from '../../domain/types.js';
import { ArticleCard } from './article-card.js';
import { Layout, type PageContext } from './layout.js';

export interface HomeData {
  latest: Article[];
  sections: Array<{ category: Category; articles: Article[] }>;
  sourceNames: Map<string, string>;
}

export function HomePage({ ctx, data }: { ctx: PageContext; data: HomeData }) {
  const { t } = ctx;
  const name = (a: Article) => (a.sourceId ? data.sourceNames.get(a.sourceId) : undefined);
  return (
    <Layout ctx={ctx} title={ctx.siteName} description={t('site.tagline')}>
      <h1 class="visually-hidden">{ctx.siteName}</h1>
      <section aria-labelledby="latest">
        <h2 id="latest">{t('home.latest')}</h2>
        {data.latest.length === 0 ? <p class="empty">{t('home.empty')}</p> : null}
        <div class="grid">
          {data.latest.map((a) => (
            <ArticleCard article={a} ctx={ctx} sourceName={name(a)} />
          ))}
        </div>
      </section>
      {data.sections.map(({ category, articles }) => (
        <section aria-labelledby={`cat-${category}`}>
          <h2 id={`cat-${category}`}>
            <a href={`/category/${category}`}>{t(`category.${category}`)}</a>
          </h2>
          <div class="grid">
            {articles.map((a) => (
              <ArticleCard article={a} ctx={ctx} sourceName={name(a)} />
            ))}
          </div>
        </section>
      ))}
    </Layout>
  );
}
