import { raw } from 'hono/html';
import { CATEGORIES } from '../../domain/types.js';
import type { SearchHit } from '../../storage/store.js';
import { hostname } from '../format.js';
import { TimeAgo } from './article-card.js';
import { dirOf, Layout, type PageContext } from './layout.js';
import { FeedLinks, Pager } from './listing.js';

/** The store counts matches up to this many (a larger total is reported as this). */
export const MANY = 1000;

export interface SearchForm {
  q: string;
  source: string;
  category: string;
  language: string;
  date: string;
}

export interface SearchData {
  form: SearchForm;
  hits: SearchHit[];
  total: number;
  sources: Array<{ id: string; name: string }>;
  languages: string[];
  olderHref: string | null;
  newerHref: string | null;
  feed: string | null;
}

function Select({
  id,
  label,
  value,
  options,
}: {
  id: string;
  label: string;
  value: string;
  options: Array<[string, string]>;
}) {
  return (
    <>
      <label for={id}>{label}</label>
      <select id={id} name={id}>
        {options.map(([v, text]) => (
          <option value={v} selected={v === value}>
            {text}
          </option>
        ))}
      </select>
    </>
  );
}

export function SearchPage({ ctx, data }: { ctx: PageContext; data: SearchData }) {
  const { t } = ctx;
  const { form } = data;
  const any: [string, string] = ['', t('search.any')];
  return (
    <Layout
      ctx={ctx}
      title={form.q ? t('search.resultsFor', { q: form.q }) : t('search.title')}
      noindex
      feed={data.feed ?? undefined}
    >
      <h1>{form.q ? t('search.resultsFor', { q: form.q }) : t('search.title')}</h1>
      <form class="filters" method="get" action="/search" role="search">
        <label for="sq">{t('search.placeholder')}</label>
        <input id="sq" name="q" type="search" value={form.q} maxlength={200} />
        <fieldset>
          <legend>{t('search.filters')}</legend>
          <Select
            id="source"
            label={t('search.source')}
            value={form.source}
            options={[any, ...data.sources.map((s): [string, string] => [s.id, s.name])]}
          />
          <Select
            id="category"
            label={t('search.category')}
            value={form.category}
            options={[any, ...CATEGORIES.map((c): [string, string] => [c, t(`category.${c}`)])]}
          />
          <Select
            id="language"
            label={t('search.language')}
            value={form.language}
            options={[any, ...data.languages.map((l): [string, string] => [l, l])]}
          />
          <Select
            id="date"
            label={t('search.date')}
            value={form.date}
            options={[
              any,
              ['day', t('search.day')],
              ['week', t('search.week')],
              ['month', t('search.month')],
            ]}
          />
        </fieldset>
        <button type="submit">{t('search.apply')}</button>
      </form>
      {!form.q ? (
        <p>{t('search.prompt')}</p>
      ) : data.total === 0 ? (
        <p class="empty">{t('search.none')}</p>
      ) : (
        <p class="meta">
          {data.total >= MANY
            ? t('search.many', { n: MANY.toLocaleString(ctx.lang) })
            : t('search.count', { n: data.total })}
        </p>
      )}
      <ol class="results">
        {data.hits.map(({ article, snippet }) => (
          <li lang={article.language ?? undefined} dir={dirOf(article.language)}>
            <h2>
              <a href={`/article/${article.id}`}>{article.title}</a>
            </h2>
            <p class="meta">
              {article.siteName ?? hostname(article.canonicalUrl)} ·{' '}
              <TimeAgo iso={article.publishedAt ?? article.fetchedAt} ctx={ctx} />
            </p>
            {/* the store escapes the snippet and adds only <mark> */}
            <p class="snippet">{raw(snippet)}</p>
          </li>
        ))}
      </ol>
      <Pager ctx={ctx} older={data.olderHref} newer={data.newerHref} />
      {data.feed ? <FeedLinks ctx={ctx} feed={data.feed} /> : null}
    </Layout>
  );
}
