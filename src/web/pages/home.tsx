import type { Article, Category } from '../../domain/types.js';
import type { WrapUpStory } from '../../pipeline/stories/wrap-up.js';
import type { Edition } from '../edition.js';
import { ArticleCard, StoryCard } from './article-card.js';
import { EditionForm } from './edition.js';
import { Layout, type PageContext } from './layout.js';

export interface HomeData {
  top: WrapUpStory[];
  wrapUp: WrapUpStory[];
  latest: Article[];
  sections: Array<{ category: Category; articles: Article[] }>;
  sourceNames: Map<string, string>;
  edition: Edition;
  countries: string[];
  languages: string[];
}

export function HomePage({ ctx, data }: { ctx: PageContext; data: HomeData }) {
  const { t } = ctx;
  const name = (a: Article) => (a.sourceId ? data.sourceNames.get(a.sourceId) : undefined);
  return (
    <Layout ctx={ctx} title={ctx.siteName} description={t('site.tagline')} feed="/feed">
      <h1 class="visually-hidden">{ctx.siteName}</h1>
      <EditionForm
        ctx={ctx}
        edition={data.edition}
        countries={data.countries}
        languages={data.languages}
        compact
      />
      {data.top.length > 0 ? (
        <section aria-labelledby="top">
          <h2 id="top">{t('home.top')}</h2>
          <div class="grid">
            {data.top.map((s) => (
              <StoryCard story={s} ctx={ctx} />
            ))}
          </div>
        </section>
      ) : null}
      {data.wrapUp.length > 0 ? (
        <section class="wrap-box" aria-labelledby="wrap">
          <h2 id="wrap">{t('wrapUp.title')}</h2>
          <ol>
            {data.wrapUp.map((s) => (
              <li>
                <a href={`/story/${s.storyId}`}>{s.title}</a>{' '}
                <span class="meta">{t('home.sources', { n: s.sources })}</span>
              </li>
            ))}
          </ol>
          <p>
            <a href="/wrap-up">{t('wrapUp.more')}</a>
          </p>
        </section>
      ) : null}
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
