import type { Article } from '../../domain/types.js';
import { exactTime, excerpt, hostname, relativeTime } from '../format.js';
import type { PageContext } from './layout.js';

/** A time element: relative words for reading, the exact time for machines and on hover. */
export function TimeAgo({ iso, ctx }: { iso: string | null; ctx: PageContext }) {
  if (!iso) return null;
  return (
    <time datetime={iso} title={exactTime(iso, ctx.lang)}>
      {relativeTime(iso, ctx.now, ctx.lang)}
    </time>
  );
}

/** One article in a list: headline once, source, time, a clean excerpt. */
export function ArticleCard({
  article,
  ctx,
  sourceName,
}: {
  article: Article;
  ctx: PageContext;
  sourceName?: string;
}) {
  const summary = article.enrichment?.keyPoints[0]?.text ?? article.description ?? article.text;
  return (
    <article class="card" lang={article.language ?? undefined}>
      <h3>
        <a href={`/article/${article.id}`}>{article.title}</a>
      </h3>
      <p class="meta">
        <span class="source">{sourceName ?? article.siteName ?? hostname(article.canonicalUrl)}</span>
        {' · '}
        <TimeAgo iso={article.publishedAt ?? article.fetchedAt} ctx={ctx} />
      </p>
      <p class="excerpt">{excerpt(summary, 180)}</p>
    </article>
  );
}
