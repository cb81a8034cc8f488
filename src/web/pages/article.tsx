import { raw } from 'hono/html';
import type { Article, Image, Source } from '../../domain/types.js';
import { hostname } from '../format.js';
import { ArticleCard, TimeAgo } from './article-card.js';
import { Layout, type PageContext } from './layout.js';

export interface ArticleData {
  article: Article;
  source: Source | null;
  related: Article[];
  sourceNames: Map<string, string>;
}

function Figure({ image, ctx }: { image: Image; ctx: PageContext }) {
  return (
    <figure class="lead">
      <img
        src={image.url}
        alt={image.caption ?? ''}
        loading="lazy"
        decoding="async"
        width={image.width ?? undefined}
        height={image.height ?? undefined}
      />
      {image.caption || image.credit ? (
        <figcaption>
          {image.caption ? <span class="caption">{image.caption}</span> : null}
          {image.credit ? (
            <span class="credit">{ctx.t('article.credit', { credit: image.credit })}</span>
          ) : null}
        </figcaption>
      ) : null}
    </figure>
  );
}

/** Whether the body HTML already shows the lead image (extractors keep figures in place). */
function bodyShows(article: Article, image: Image): boolean {
  return article.html.includes(image.url);
}

export function ArticlePage({ ctx, data }: { ctx: PageContext; data: ArticleData }) {
  const { t } = ctx;
  const { article, source } = data;
  const sourceName = source?.name ?? article.siteName ?? hostname(article.canonicalUrl);
  const excerptOnly = source?.displayPolicy === 'excerpt';
  const lead = article.leadImage && !bodyShows(article, article.leadImage) ? article.leadImage : null;
  const minutes = article.enrichment?.readingMinutes;
  return (
    <Layout
      ctx={ctx}
      title={article.title}
      description={article.description ?? undefined}
      contentLang={article.language}
      head={<link rel="canonical" href={article.canonicalUrl} />}
    >
      <article class="story" lang={article.language ?? undefined}>
        <header>
          {article.category ? (
            <p class="kicker">
              <a href={`/category/${article.category}`}>{t(`category.${article.category}`)}</a>
            </p>
          ) : null}
          <h1>{article.title}</h1>
          <p class="meta">
            {article.sourceId ? (
              <a href={`/source/${article.sourceId}`}>{sourceName}</a>
            ) : (
              <span>{sourceName}</span>
            )}
            {article.byline ? <span> · {t('article.by', { byline: article.byline })}</span> : null}
            {article.publishedAt ? (
              <span>
                {' · '}
                <TimeAgo iso={article.publishedAt} ctx={ctx} />
              </span>
            ) : null}
            {minutes ? <span> · {t('time.minutesRead', { n: minutes })}</span> : null}
          </p>
        </header>
        {lead ? <Figure image={lead} ctx={ctx} /> : null}
        {article.paywalled ? <p class="notice">{t('article.paywalled')}</p> : null}
        {excerptOnly ? (
          <div class="body excerpt-only">
            <p>{article.description ?? article.text.split('\n')[0]}</p>
            <p class="notice">{t('article.excerptOnly')}</p>
          </div>
        ) : (
          <div class="body">{raw(article.html)}</div>
        )}
        <p class="original">
          <a href={article.canonicalUrl} rel="noopener nofollow">
            {t('article.readOriginal', { source: sourceName })}
          </a>
        </p>
      </article>
      {data.related.length > 0 ? (
        <section class="related" aria-labelledby="related">
          <h2 id="related">{t('article.related')}</h2>
          <div class="grid">
            {data.related.map((a) => (
              <ArticleCard
                article={a}
                ctx={ctx}
                sourceName={a.sourceId ? data.sourceNames.get(a.sourceId) : undefined}
              />
            ))}
          </div>
        </section>
      ) : null}
    </Layout>
  );
}
