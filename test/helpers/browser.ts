// Real Chromium for browser tests: Debian's package, driven by playwright-core. Outside CI a
// missing Chromium skips those tests with a loud warning; in CI (CI=true) it fails them.
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium } from 'playwright-core';
import { newSession } from '../../src/accounts/commands.js';
import { silentLogger } from '../../src/lib/log.js';
import { createApp } from '../../src/web/app.js';
import { createWebFixture, type WebFixture } from './web-fixture.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const IN_CI = process.env.CI === 'true' || process.env.CI === '1';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
/** Skip only outside CI: in CI a missing browser must fail the run, not hide it. */
export const SKIP_BROWSER = !HAVE_CHROMIUM && !IN_CI;

if (SKIP_BROWSER) {
  const line = '!'.repeat(78);
  console.warn(
    `\n${line}\n!! BROWSER TESTS SKIPPED: ${CHROMIUM} not found.\n!! Install it with .ci/install-chromium.sh (Debian: apt-get install -y chromium).\n!! In CI (CI=true) these tests fail instead.\n${line}\n`,
  );
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launch(): Promise<Browser> {
  if (!HAVE_CHROMIUM) throw new Error(`Chromium is required for browser tests and is missing at ${CHROMIUM}`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

export interface Site {
  base: string;
  fixture: WebFixture;
  /** stops the HTTP server (connections refused), as when the reader's network is gone */
  stopServing(): Promise<void>;
  close(): Promise<void>;
}

/** The web app on the fixture store, on a free loopback port (localhost: service workers need a secure origin). */
export async function startSite(): Promise<Site> {
  const fixture = await createWebFixture();
  const app = createApp({
    store: fixture.store,
    logger: silentLogger,
    siteName: 'Lede',
    related: async (a) =>
      (await fixture.store.articles.list({ storyId: a.storyId ?? '-', limit: 5 })).filter(
        (x) => x.id !== a.id,
      ),
    pageTtlSeconds: 0,
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  async function stopServing(): Promise<void> {
    if (!server.listening) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    if ('closeAllConnections' in server) server.closeAllConnections();
    await closed;
  }
  return {
    base: `http://localhost:${port}`,
    fixture,
    stopServing,
    async close() {
      await stopServing();
      await fixture.close();
    },
  };
}

/**
 * A browser context signed in as a new admin of the site's store (its session cookie set), with
 * `cookies` added beside it (name -> value, e.g. an edition).
 */
export async function signedInAdminContext(
  browser: Browser,
  site: Site,
  admin: { email: string; name: string },
  options: { context?: BrowserContextOptions; cookies?: Record<string, string> } = {},
): Promise<BrowserContext> {
  const user = await site.fixture.store.users.create({ ...admin, passwordHash: 'x', role: 'admin' });
  if (!user) throw new Error(`could not create admin ${admin.email}`);
  const session = await newSession(site.fixture.store, user.id, new Date());
  const context = await browser.newContext(options.context);
  const cookies = { lede_session: session.id, ...options.cookies };
  await context.addCookies(Object.entries(cookies).map(([name, value]) => ({ name, value, url: site.base })));
  return context;
}
