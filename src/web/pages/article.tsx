import type { Article, Image, Source } from '../../domain/types.js';
import type { Answer } from '../../pipeline/enrich/ask.js';
import { excerpt, hostname } from '../format.js';
import { type CommentsData, CommentsSection } from '../people/comments-section.js';
import { JsonLd, newsArticleLd, Social } from '../seo.js';
import { TextBody, type TextModel } from '../text-body.js';
import { AiPanel } from './ai-panel.js';
import { ArticleCard, TimeAgo } from './article-card.js';
import { dirOf, Layout, type PageContext } from './layout.js';

export interface ArticleData {
  article: Article;
  source: Source | null;
  related: Article[];
  sourceNames: Map<string, string>;
  /** the text as shown with sentence spans; null when the source allows only an excerpt */
  model: TextModel | null;
  answer: Answer | null;
  story: { id: string; articles: number; sources: number } | null;
  /** published comments (src/web/people); absent: the section says comments are not open */
  comments?: CommentsData;
}

export function Figure({ image, ctx, lead }: { image: Image; ctx: PageContext; lead?: boolean }) {
  return (
    <figure class={lead ? 'lead' : undefined}>
      <img
        src={image.url}
        alt={image.caption ?? ''}
        loading={lead ? 'eager' : 'lazy'}
        // the lead image is usually the page's largest paint: fetch it before other images
        fetchpriority={lead ? 'high' : undefined}
        decoding="async"
        width={image.width ?? 800}
        height={image.height ?? 450}
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

/** A dateline at the start of the text ("KYIV, June 5 (Reuters) —"), when there is one. */
export function datelineOf(text: string): string | null {
  const m = /^\s*(\p{Lu}[\p{L}.' -]{1,40}?)(?:,[^\n—–]{1,30}?)?\s*(?:\(([^)\n]{1,30})\))?\s*[—–]\s/u.exec(
    text,
  );
  if (m) return m[1].trim();
  const first = text.split('\n', 1)[0].trim();
  return first.length > 0 && first.length <= 30 && !/[.!?]$/.test(first) && /^\p{Lu}/u.test(first)
    ? first
    : null;
}

function Share({ ctx, article, url }: { ctx: PageContext; article: Article; url: string }) {
  const { t } = ctx;
  return (
    <div class="share" data-title={article.title} data-url={url}>
      <label class="visually-hidden" for="share-link">
        {t('article.copyLink')}
      </label>
      <input id="share-link" readonly value={url} />
      <button type="button" data-copy hidden>
        {t('article.copyLink')}
      </button>
      <button type="button" data-share hidden>
        {t('article.share')}
      </button>
      <button type="button" data-save={`/article/${article.id}`} hidden>
        {t('article.save')}
      </button>
      <span
        class="status"
        role="status"
        data-copied={t('article.copied')}
        data-saved={t('article.saved')}
      ></span>
    </div>
  );
}

export function ArticlePage({ ctx, data }: { ctx: PageContext; data: ArticleData }) {
  const { t } = ctx;
  const { article, source, model } = data;
  const sourceName = source?.name ?? article.siteName ?? hostname(article.canonicalUrl);
  const images = [article.leadImage, ...article.images].filter((i): i is Image => i !== null);
  // one figure per picture: the lead image is often listed again, with its caption, among the images
  const byUrl = new Map<string, Image>();
  for (const image of images) {
    const seen = byUrl.get(image.url);
    if (!seen || (!seen.caption && !seen.credit)) byUrl.set(image.url, seen ? { ...seen, ...image } : image);
  }
  const unique = [...byUrl.values()];
  const [lead, ...rest] = unique;
  const minutes = article.enrichment?.readingMinutes;
  const pageUrl = `${ctx.origin}/article/${article.id}`;
  const description = excerpt(
    article.description ?? article.enrichment?.keyPoints[0]?.text ?? article.text,
    200,
  );
  const dateline = datelineOf(article.text);
  const highlight = new Set((data.answer?.sentences ?? []).map((s) => s.start));
  const dir = dirOf(article.language);
  return (
    <Layout
      ctx={ctx}
      title={article.title}
      description={description}
      head={
        <>
          <link rel="canonical" href={article.canonicalUrl} />
          <Social
            meta={{
              title: article.title,
              description,
              url: pageUrl,
              image: lead?.url,
              type: 'article',
              siteName: ctx.siteName,
              publishedAt: article.publishedAt,
            }}
          />
          <JsonLd value={newsArticleLd(article, source, pageUrl, ctx.siteName)} />
        </>
      }
    >
      <div class="article-layout">
        <article class="story" lang={article.language ?? undefined} dir={dir}>
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
            {dateline ? (
              <p class="dateline">
                <span class="visually-hidden">{t('article.dateline')}: </span>
                {dateline}
              </p>
            ) : null}
            {data.story && data.story.sources > 1 ? (
              <p class="coverage">
                <a href={`/story/${data.story.id}`}>
                  {t('article.story', { count: data.story.articles, sources: data.story.sources })}
                </a>
              </p>
            ) : null}
          </header>
          {lead ? <Figure image={lead} ctx={ctx} lead /> : null}
          {article.paywalled ? <p class="notice">{t('article.paywalled')}</p> : null}
          {model ? (
            <div class="body">
              <TextBody model={model} highlight={highlight} />
            </div>
          ) : (
            <div class="body excerpt-only">
              <p>{excerpt(article.description ?? article.text.split('\n')[0], 400)}</p>
              <p class="notice">{t('article.excerptOnly')}</p>
            </div>
          )}
          {model ? rest.map((image) => <Figure image={image} ctx={ctx} />) : null}
          <p class={model ? 'original' : 'original prominent'}>
            <a href={article.canonicalUrl} rel="noopener nofollow">
              {t('article.readOriginal', { source: sourceName })}
            </a>
          </p>
          <Share ctx={ctx} article={article} url={pageUrl} />
        </article>
        <AiPanel ctx={ctx} article={article} model={model} answer={data.answer} />
      </div>
      {/* Mount point of the comments feature (src/web/people/): it replaces this section's content. */}
      {data.comments ? (
        <CommentsSection ctx={ctx} data={data.comments} />
      ) : (
        <section id="comments" class="comments" data-mount="comments" aria-labelledby="comments-title">
          <h2 id="comments-title">{t('article.comments')}</h2>
          <p class="empty">{t('article.commentsSoon')}</p>
        </section>
      )}
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
