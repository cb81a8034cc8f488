import type { Tag } from '../../domain/types.js';
import type { PageContext } from './layout.js';

export interface TagFacts {
  tag: Tag;
  count: number;
  together: Array<{ slug: string; name: string; n: number }>;
}

function countryName(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** What Lede knows of a hashtag's entity: its type, country, and the tags seen with it. */
export function TagAbout({ ctx, facts }: { ctx: PageContext; facts: TagFacts }) {
  const { t } = ctx;
  const { tag } = facts;
  return (
    <section class="about" aria-labelledby="about">
      <h2 id="about">{t('tag.about')}</h2>
      <dl>
        <dt>{t('tag.type')}</dt>
        <dd>{t(`type.${tag.type}`)}</dd>
        {tag.country ? (
          <>
            <dt>{t('tag.country')}</dt>
            <dd>{countryName(tag.country, ctx.lang)}</dd>
          </>
        ) : null}
        <dt>{t('tag.articles')}</dt>
        <dd>{facts.count}</dd>
      </dl>
      {facts.together.length > 0 ? (
        <>
          <h3>{t('tag.together')}</h3>
          <ul class="chips">
            {facts.together.map((x) => (
              <li>
                <a href={`/tag/${encodeURIComponent(x.slug)}`}>#{x.name}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
