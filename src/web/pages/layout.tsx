import type { Child } from 'hono/jsx';
import { CATEGORIES } from '../../domain/types.js';
import { isRtl, type Translate } from '../i18n/messages.js';

/** What every page template needs to know about the request. */
export interface PageContext {
  t: Translate;
  /** UI language */
  lang: string;
  siteName: string;
  now: Date;
  /** absolute URL of this page, for canonical/OG when no better one exists */
  url: string;
}

export interface LayoutProps {
  ctx: PageContext;
  title: string;
  description?: string;
  /** language of the main content when it differs from the UI (an Arabic article) */
  contentLang?: string | null;
  head?: Child;
  children?: Child;
}

export function Layout({ ctx, title, description, contentLang, head, children }: LayoutProps) {
  const { t } = ctx;
  const lang = contentLang ?? ctx.lang;
  return (
    <html lang={lang} dir={isRtl(lang) ? 'rtl' : 'ltr'}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title === ctx.siteName ? title : `${title} · ${ctx.siteName}`}</title>
        {description ? <meta name="description" content={description} /> : null}
        <meta name="color-scheme" content="light dark" />
        <link rel="stylesheet" href="/assets/style.css" />
        {head}
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
          </div>
          <nav aria-label="Categories">
            <ul>
              {CATEGORIES.map((slug) => (
                <li>
                  <a href={`/category/${slug}`}>{t(`category.${slug}`)}</a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main">{children}</main>
        <footer class="site">
          <p>
            {ctx.siteName} · {t('site.tagline')}
          </p>
        </footer>
      </body>
    </html>
  );
}
