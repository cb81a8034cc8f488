import type { Article } from '../../domain/types.js';
import type { WrapUpStory } from '../../pipeline/stories/wrap-up.js';
import { exactTime, excerpt, hostname, relativeTime } from '../format.js';
import { dirOf, type PageContext } from './layout.js';

/** " · 3 comments", linking to the comments, when a card has any. */
export function CommentCount({ n, href, ctx }: { n: number | undefined; href: string; ctx: PageContext }) {
  if (!n) return null;
  return (
    <>
      {' · '}
      <a class="comment-count" href={`${href}#comments`}>
        {n === 1 ? ctx.t('card.oneComment') : ctx.t('card.comments', { n })}
      </a>
    </>
  );
}

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
  level = 3,
}: {
  article: Article;
  ctx: PageContext;
  sourceName?: string;
  /** heading level of the card's title in the page outline */
  level?: 2 | 3;
}) {
  const summary = article.enrichment?.keyPoints[0]?.text ?? article.description ?? article.text;
  const link = <a href={`/article/${article.id}`}>{article.title}</a>;
  return (
    <article class="card" lang={article.language ?? undefined} dir={dirOf(article.language)}>
      {level === 2 ? <h2 class="card-title">{link}</h2> : <h3>{link}</h3>}
      <p class="meta">
        <span class="source">{sourceName ?? article.siteName ?? hostname(article.canonicalUrl)}</span>
        {' · '}
        <TimeAgo iso={article.publishedAt ?? article.fetchedAt} ctx={ctx} />
        <CommentCount n={ctx.comments?.article.get(article.id)} href={`/article/${article.id}`} ctx={ctx} />
      </p>
      <p class="excerpt">{excerpt(summary, 180)}</p>
    </article>
  );
}

/** A story on the front page or the wrap-up: headline, how many sources, its key points. */
export function StoryCard({
  story,
  ctx,
  points = 2,
  level = 3,
}: {
  story: WrapUpStory;
  ctx: PageContext;
  points?: number;
  level?: 2 | 3;
}) {
  const { t } = ctx;
  const href = story.leadArticleId ? `/article/${story.leadArticleId}` : `/story/${story.storyId}`;
  const link = <a href={href}>{story.title}</a>;
  return (
    <article class="card story-card">
      {level === 2 ? <h2 class="card-title">{link}</h2> : <h3>{link}</h3>}
      <p class="meta">
        <a href={`/story/${story.storyId}`} class="sources">
          {story.sources === 1 ? t('home.oneSource') : t('home.sources', { n: story.sources })}
        </a>
        {' · '}
        <TimeAgo iso={story.lastPublishedAt} ctx={ctx} />
        <CommentCount n={ctx.comments?.story.get(story.storyId)} href={`/story/${story.storyId}`} ctx={ctx} />
      </p>
      {story.keyPoints.length > 0 ? (
        <ul class="points">
          {story.keyPoints.slice(0, points).map((kp) => (
            <li>{excerpt(kp.text, 200)}</li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}
