// Front page, edition selector and daily wrap-up.
import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { CATEGORIES } from '../../domain/types.js';
import type { Web } from '../context.js';
import { EDITION_COOKIE, editionToCookie, parseEdition, wrapUpKeys } from '../edition.js';
import { EditionPage, WrapUpPage } from '../pages/edition.js';
import { HomePage } from '../pages/home.js';

/** Countries and languages the stored sources cover, for the edition selector. */
async function editionChoices(web: Web): Promise<{ countries: string[]; languages: string[] }> {
  const sources = await web.sources();
  const countries = [...new Set(sources.map((s) => s.country).filter((c): c is string => !!c))].sort();
  const languages = [...new Set(sources.map((s) => s.language).filter((l): l is string => !!l))].sort();
  return { countries, languages };
}

export function homeRoutes(web: Web) {
  const app = new Hono();
  const { store } = web;

  app.get('/', async (c) => {
    const edition = web.edition(c);
    const ctx = web.page(c);
    const key = `home:${editionToCookie(edition)}`;
    return web.send(
      c,
      key,
      async () => {
        const language = edition.language ?? undefined;
        const [latest, sections, wrapUp, names, choices] = await Promise.all([
          store.articles.list({ limit: 12, language }),
          Promise.all(
            CATEGORIES.map(async (category) => ({
              category,
              articles: await store.articles.list({ category, limit: 4, language }),
            })),
          ),
          web.wrapUp(),
          web.names(),
          editionChoices(web),
        ]);
        const keys = wrapUpKeys(edition);
        const chosen =
          keys
            .map((k) => wrapUp.editions.find((e) => e.edition === k))
            .find((e) => e && e.stories.length > 0) ?? null;
        const stories = chosen?.stories ?? [];
        const shown = sections.filter((s) => s.articles.length > 0);
        const counted = await web.withCounts(ctx, {
          articles: [...latest, ...shown.flatMap((s) => s.articles)].map((a) => a.id),
          stories: stories.slice(0, 11).map((s) => s.storyId),
        });
        return web.render(
          <HomePage
            ctx={counted}
            data={{
              top: stories.slice(0, 6),
              wrapUp: stories.slice(6, 11),
              latest,
              sections: shown,
              sourceNames: names,
              edition,
              ...choices,
            }}
          />,
        );
      },
      { maxAge: 60, vary: 'Cookie' },
    );
  });

  app.get('/edition', async (c) => {
    if (c.req.query('save') !== undefined) {
      const edition = parseEdition(c.req.query('country'), c.req.query('language'));
      setCookie(c, EDITION_COOKIE, editionToCookie(edition), {
        path: '/',
        maxAge: 365 * 24 * 3600,
        sameSite: 'Lax',
        httpOnly: true,
        secure: new URL(c.req.url).protocol === 'https:',
      });
      return c.redirect('/', 303);
    }
    const choices = await editionChoices(web);
    return web.send(
      c,
      null,
      () => web.render(<EditionPage ctx={web.page(c)} edition={web.edition(c)} {...choices} />),
      {
        maxAge: 0,
        vary: 'Cookie',
      },
    );
  });

  app.get('/wrap-up', async (c) => {
    const asked = c.req.query('edition');
    const edition = web.edition(c);
    const wrapUp = await web.wrapUp();
    const keys =
      asked && /^(all|country:[A-Z]{2}|language:[a-z]{2,3})$/.test(asked) ? [asked] : wrapUpKeys(edition);
    const key =
      keys.find((k) => wrapUp.editions.some((e) => e.edition === k && e.stories.length > 0)) ?? 'all';
    const ctx = web.page(c);
    return web.send(
      c,
      `wrap-up:${key}:${ctx.lang}`,
      async () => {
        const stories = (wrapUp.editions.find((e) => e.edition === key) ?? wrapUp.editions[0])?.stories ?? [];
        const counted = await web.withCounts(ctx, { stories: stories.map((s) => s.storyId) });
        return web.render(<WrapUpPage ctx={counted} wrapUp={wrapUp} editionKey={key} />);
      },
      {
        maxAge: 300,
        vary: 'Cookie',
      },
    );
  });

  return app;
}
