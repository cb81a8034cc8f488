import type { Article, Source } from '../../domain/types.js';
import { ArticleCard, TimeAgo } from './article-card.js';
import { Layout, type PageContext } from './layout.js';
import { FeedLinks } from './listing.js';

function When({ iso, ctx }: { iso: string | null; ctx: PageContext }) {
  return iso ? <TimeAgo iso={iso} ctx={ctx} /> : <span>{ctx.t('source.never')}</span>;
}

export function SourcePage({
  ctx,
  source,
  articles,
}: {
  ctx: PageContext;
  source: Source;
  articles: Article[];
}) {
  const { t } = ctx;
  const status = !source.enabled
    ? t('source.disabled')
    : source.pausedReason
      ? `${t('source.paused')}: ${source.pausedReason}`
      : source.errorCount > 0
        ? `${source.errorCount} ${t('source.errors').toLowerCase()}`
        : t('source.ok');
  return (
    <Layout
      ctx={ctx}
      title={source.name}
      description={t('source.description', { name: source.name })}
      feed={`/source/${source.id}/feed`}
    >
      <h1>{source.name}</h1>
      <section class="health" aria-labelledby="health">
        <h2 id="health">{t('source.health')}</h2>
        <p class={source.errorCount > 0 || source.pausedReason ? 'status bad' : 'status good'}>{status}</p>
        <dl>
          <dt>{t('source.feed')}</dt>
          <dd>
            <a href={source.feedUrl} rel="noopener nofollow">
              {source.feedUrl}
            </a>
          </dd>
          {source.homepage ? (
            <>
              <dt>{t('source.homepage')}</dt>
              <dd>
                <a href={source.homepage} rel="noopener nofollow">
                  {source.homepage}
                </a>
              </dd>
            </>
          ) : null}
          {source.country ? (
            <>
              <dt>{t('source.country')}</dt>
              <dd>{source.country}</dd>
            </>
          ) : null}
          {source.language ? (
            <>
              <dt>{t('source.language')}</dt>
              <dd>{source.language}</dd>
            </>
          ) : null}
          <dt>{t('source.lastPolled')}</dt>
          <dd>
            <When iso={source.lastPolledAt} ctx={ctx} />
          </dd>
          <dt>{t('source.lastSuccess')}</dt>
          <dd>
            <When iso={source.lastSuccessAt} ctx={ctx} />
          </dd>
          <dt>{t('source.nextPoll')}</dt>
          <dd>
            <When iso={source.nextPollAt} ctx={ctx} />
          </dd>
          <dt>{t('source.errors')}</dt>
          <dd>{source.errorCount}</dd>
          {source.lastError ? (
            <>
              <dt>{t('source.lastError')}</dt>
              <dd>
                <code>{source.lastError}</code> <When iso={source.lastErrorAt} ctx={ctx} />
              </dd>
            </>
          ) : null}
        </dl>
      </section>
      <section aria-labelledby="articles">
        <h2 id="articles">{t('source.articles', { name: source.name })}</h2>
        {articles.length === 0 ? <p class="empty">{t('source.noArticles')}</p> : null}
        <div class="grid">
          {articles.map((a) => (
            <ArticleCard article={a} ctx={ctx} sourceName={source.name} />
          ))}
        </div>
      </section>
      <FeedLinks ctx={ctx} feed={`/source/${source.id}/feed`} />
    </Layout>
  );
}
