// What the people routes need beyond the web app's options. `lede serve` may pass them as
// `people` in createApp's options; when absent they come from the configuration (SMTP, secret,
// proxy trust), and source discovery creates its own safe fetcher on first use.
import { createMailer, type Mailer } from '../../accounts/mailer.js';
import { Throttle } from '../../accounts/throttle.js';
import { randomToken } from '../../accounts/tokens.js';
import { loadConfig } from '../../config/config.js';
import type { Fetcher } from '../../pipeline/fetch/types.js';
import type { Web } from '../context.js';

export interface PeopleOptions {
  mailer?: Mailer;
  /** fetches homepages and candidate feeds when an admin adds a source */
  fetcher?: Fetcher;
  /** keys the CSRF tokens of signed-out forms */
  sessionSecret?: string | null;
  /** absolute base of links in mail (LEDE_PUBLIC_URL); else the request's origin */
  publicUrl?: string | null;
  /** take the client address from X-Forwarded-For and the scheme from X-Forwarded-Proto */
  trustProxy?: boolean;
  throttle?: Throttle;
}

declare module '../context.js' {
  interface WebOptions {
    people?: PeopleOptions;
  }
}

export interface People {
  web: Web;
  mailer: Mailer;
  throttle: Throttle;
  publicUrl: string | null;
  trustProxy: boolean;
  secret(): Promise<string>;
  fetcher(): Promise<Fetcher>;
}

export function resolvePeople(web: Web): People {
  const given = web.options.people ?? {};
  // without `people` options (tests, embedders) the settings come from the environment; a bad
  // environment was already reported at boot, so here it only means "use the defaults"
  let config: ReturnType<typeof loadConfig> | null = null;
  if (!web.options.people) {
    try {
      config = loadConfig();
    } catch {
      config = null;
    }
  }
  const store = web.store;
  let secret: Promise<string> | null = null;
  let fetcher: Promise<Fetcher> | null = given.fetcher ? Promise.resolve(given.fetcher) : null;
  return {
    web,
    mailer:
      given.mailer ??
      createMailer({
        smtpUrl: config?.smtpUrl ?? null,
        from: config?.mailFrom ?? 'Lede <no-reply@localhost>',
        logger: web.options.logger,
      }),
    throttle: given.throttle ?? new Throttle(store),
    publicUrl: given.publicUrl ?? config?.publicUrl ?? null,
    trustProxy: given.trustProxy ?? config?.trustProxy ?? false,
    secret() {
      const fixed = given.sessionSecret ?? config?.sessionSecret;
      if (fixed) return Promise.resolve(fixed);
      // one random secret per site, kept in the store so that every web process shares it
      secret ??= (async () => {
        const all = await store.settings.all();
        if (all.csrf_secret) return all.csrf_secret;
        await store.settings.set('csrf_secret', randomToken());
        return (await store.settings.all()).csrf_secret;
      })();
      return secret;
    },
    fetcher() {
      fetcher ??= (async () => {
        const { createFetcher } = await import('../../pipeline/fetch/index.js');
        return createFetcher({
          allow: config?.fetchAllow ?? [],
          contactUrl: config?.contactUrl,
          logger: web.options.logger,
        });
      })();
      return fetcher;
    },
  };
}
