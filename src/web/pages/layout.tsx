import type { Child } from 'hono/jsx';
import { CATEGORIES } from '../../domain/types.js';
import { isRtl, type Translate } from '../i18n/messages.js';
import { assetHref } from '../static-assets.js';

/** What every page template needs to know about the request. */
export interface PageContext {
  t: Translate;
  /** UI language */
  lang: string;
  /** language of the main content when it differs from the UI (an Arabic article) */
  contentLang?: string | null;
  siteName: string;
  now: Date;
  /** absolute URL of this page */
  url: string;
  /** scheme://host of this site, for absolute links in meta tags */
  origin: string;
  /** published comments per article and story id on this page's cards (one query each) */
  comments?: { article: Map<string, number>; story: Map<string, number> };
}

export interface LayoutProps {
  ctx: PageContext;
  title: string;
  description?: string;
  head?: Child;
  /** path of this page's feeds without the extension ("/tag/kursk/feed"), for <link rel=alternate> */
  feed?: string;
  /** keep out of search engines (search results, error pages) */
  noindex?: boolean;
  children?: Child;
}

/** "/search/feed?q=x" + "xml" -> "/search/feed.xml?q=x" */
export function feedHref(feed: string, ext: 'xml' | 'atom' | 'json'): string {
  const q = feed.indexOf('?');
  return q < 0 ? `${feed}.${ext}` : `${feed.slice(0, q)}.${ext}${feed.slice(q)}`;
}

/** dir attribute for a language: rtl for Arabic, Persian, Hebrew, Urdu. */
export function dirOf(language: string | null | undefined): 'rtl' | 'ltr' {
  return isRtl(language) ? 'rtl' : 'ltr';
}

export function Layout({ ctx, title, description, head, feed, noindex, children }: LayoutProps) {
  const { t } = ctx;
  const full = title === ctx.siteName ? title : `${title} · ${ctx.siteName}`;
  return (
    <html lang={ctx.lang} dir={dirOf(ctx.lang)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{full}</title>
        {description ? <meta name="description" content={description} /> : null}
        {noindex ? <meta name="robots" content="noindex" /> : null}
        <meta name="color-scheme" content="light dark" />
        <meta name="theme-color" content="#b3261e" />
        <link rel="stylesheet" href={assetHref('style.css')} />
        <link rel="manifest" href="/manifest.webmanifest" />
        <link rel="icon" href={assetHref('icon.svg')} type="image/svg+xml" />
        <link rel="apple-touch-icon" href={assetHref('icon-192.png')} />
        {feed ? (
          <>
            <link
              rel="alternate"
              type="application/rss+xml"
              title={`${full} (RSS)`}
              href={feedHref(feed, 'xml')}
            />
            <link
              rel="alternate"
              type="application/atom+xml"
              title={`${full} (Atom)`}
              href={feedHref(feed, 'atom')}
            />
            <link
              rel="alternate"
              type="application/feed+json"
              title={`${full} (JSON Feed)`}
              href={feedHref(feed, 'json')}
            />
          </>
        ) : null}
        {head}
        <script src={assetHref('app.js')} defer></script>
      </head>
      <body>
        <a class="skip" href="#main">
          {t('nav.skip')}
        </a>
        <header class="site">
          <div class="bar">
            <a class="brand" href="/">
              {ctx.siteName}
            </a>
            <form class="search" action="/search" method="get" role="search">
              <label class="visually-hidden" for="q">
                {t('search.placeholder')}
              </label>
              <input id="q" name="q" type="search" placeholder={t('search.placeholder')} />
              <button type="submit">{t('search.submit')}</button>
            </form>
            <nav class="people-links" aria-label={t('nav.people')}>
              {/* the same bytes for everyone (cached pages); app.js hides the link that does not apply */}
              <a href="/signin" data-signed-out>
                {t('nav.signin')}
              </a>{' '}
              <a href="/account" data-signed-in>
                {t('nav.account')}
              </a>
            </nav>
          </div>
          <nav aria-label={t('nav.categories')}>
            <ul>
              {CATEGORIES.map((slug) => (
                <li>
                  <a href={`/category/${slug}`}>{t(`category.${slug}`)}</a>
                </li>
              ))}
              <li>
                <a href="/wrap-up">{t('nav.wrapUp')}</a>
              </li>
            </ul>
          </nav>
        </header>
        <main id="main">{children}</main>
        <footer class="site">
          <section class="install" aria-labelledby="install-title">
            <h2 id="install-title">{t('app.title')}</h2>
            <p>{t('app.body')}</p>
            <button type="button" id="install" hidden>
              {t('app.install')}
            </button>
          </section>
          <p>
            {ctx.siteName} · {t('site.tagline')} · <a href="/feed.xml">RSS</a> · <a href="/feed.atom">Atom</a>{' '}
            · <a href="/feed.json">JSON Feed</a> · <a href="/edition">{t('edition.change')}</a>
          </p>
        </footer>
      </body>
    </html>
  );
}
