import type { Article, Story } from '../../domain/types.js';
import type { StoryData } from '../../pipeline/stories/story-data.js';
import { type CommentsData, CommentsSection } from '../people/comments-section.js';
import { ArticleCard, TimeAgo } from './article-card.js';
import { Layout, type PageContext } from './layout.js';
import { FeedLinks } from './listing.js';

export function StoryPage({
  ctx,
  story,
  data,
  articles,
  sourceNames,
  comments,
}: {
  ctx: PageContext;
  story: Story;
  data: StoryData;
  articles: Article[];
  sourceNames: Map<string, string>;
  /** published comments (src/web/people) */
  comments?: CommentsData;
}) {
  const { t } = ctx;
  const title = data.headline?.text ?? story.title;
  const byId = new Map(articles.map((a) => [a.id, a]));
  const link = (id: string) => `/article/${id}`;
  return (
    <Layout
      ctx={ctx}
      title={title}
      description={data.keyPoints[0]?.text ?? t('story.description', { title })}
      feed={`/story/${story.id}/feed`}
    >
      <p class="kicker">{t('story.title')}</p>
      <h1>{title}</h1>
      <p class="meta">
        {t('article.story', { count: articles.length, sources: data.sources.length })}
        {data.firstPublishedAt && data.lastPublishedAt ? (
          <>
            {' · '}
            <TimeAgo iso={data.firstPublishedAt} ctx={ctx} /> –{' '}
            <TimeAgo iso={data.lastPublishedAt} ctx={ctx} />
          </>
        ) : null}
      </p>
      {data.keyPoints.length > 0 ? (
        <section aria-labelledby="kp">
          <h2 id="kp">{t('story.keyPoints')}</h2>
          <ul class="points">
            {data.keyPoints.map((kp) => (
              <li>
                {kp.text}{' '}
                <a class="meta" href={link(kp.articleId)}>
                  {(kp.sourceId && sourceNames.get(kp.sourceId)) || byId.get(kp.articleId)?.siteName || '↗'}
                </a>
                {kp.alsoIn.length > 0 ? (
                  <span class="meta"> · {t('story.also', { n: kp.alsoIn.length })}</span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="who-covers">
        <h2 id="who-covers">{t('story.sources')}</h2>
        <ul class="sources-list">
          {data.sources.map((s) => (
            <li>
              {s.sourceId ? <a href={`/source/${s.sourceId}`}>{s.name}</a> : <span>{s.name}</span>}
              <span class="meta">
                {' '}
                {[s.country, s.language].filter(Boolean).join(' · ')} · {s.articleIds.length}
              </span>
            </li>
          ))}
        </ul>
      </section>
      {data.numbers.length > 0 ? (
        <section aria-labelledby="numbers">
          <h2 id="numbers">{t('story.numbers')}</h2>
          <table class="board">
            <tbody>
              {data.numbers.map((row) => (
                <tr class={row.disagreement ? 'disagree' : undefined}>
                  <th scope="row">
                    {row.counts}
                    {row.disagreement ? <strong class="flag"> {t('story.disagree')}</strong> : null}
                  </th>
                  <td>
                    <ul>
                      {row.figures.map((f) => (
                        <li class={f.disputed ? 'disputed' : undefined}>
                          <a href={link(f.articleId)}>{f.text}</a>
                          {f.claimant ? (
                            <span class="meta"> {t('ai.claims', { claimant: f.claimant })}</span>
                          ) : null}
                          <span class="meta">
                            {' '}
                            · {(f.sourceId && sourceNames.get(f.sourceId)) || byId.get(f.articleId)?.siteName}
                          </span>
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {data.timeline.length > 0 ? (
        <section aria-labelledby="timeline">
          <h2 id="timeline">{t('story.timeline')}</h2>
          <ol class="timeline">
            {data.timeline.map((e) => (
              <li>
                <time datetime={e.date}>{e.date}</time> <a href={link(e.articleId)}>{e.text}</a>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {data.quotes.length > 0 ? (
        <section aria-labelledby="quotes">
          <h2 id="quotes">{t('story.quotes')}</h2>
          {data.quotes.slice(0, 8).map((s) => (
            <div class="speaker">
              <h3>{s.speaker}</h3>
              <ul class="quotes">
                {s.quotes.slice(0, 4).map((q) => (
                  <li>
                    <q>{q.text}</q>{' '}
                    <a class="meta" href={link(q.articleIds[0])}>
                      ↗ {q.articleIds.length}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ) : null}
      <section aria-labelledby="all">
        <h2 id="all">{t('story.articles')}</h2>
        <div class="grid">
          {articles.map((a) => (
            <ArticleCard
              article={a}
              ctx={ctx}
              sourceName={a.sourceId ? sourceNames.get(a.sourceId) : undefined}
            />
          ))}
        </div>
      </section>
      {comments ? <CommentsSection ctx={ctx} data={comments} /> : null}
      <FeedLinks ctx={ctx} feed={`/story/${story.id}/feed`} />
    </Layout>
  );
}
