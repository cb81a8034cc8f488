// In-process client for the people routes' tests: the real app over a real SQLite store (the
// web fixture), a cookie jar, and the CSRF token read from each page's forms.
import { memoryMailer } from '../../accounts/mailer.js';
import { silentLogger } from '../../lib/log.js';
import type { Fetcher } from '../../pipeline/fetch/types.js';
import type { Store } from '../../storage/store.js';
import { createApp } from '../app.js';
import { XSS_PAYLOADS } from './xss-payloads.js';

export interface Jar {
  cookies: Map<string, string>;
  address: string;
}

export function newJar(address = '203.0.113.7'): Jar {
  return { cookies: new Map(), address };
}

export type App = ReturnType<typeof createApp>;

export function peopleApp(store: Parameters<typeof createApp>[0]['store'], fetcher?: Fetcher) {
  const mailer = memoryMailer();
  const app = createApp({
    store,
    logger: silentLogger,
    siteName: 'Lede',
    related: async () => [],
    pageTtlSeconds: 0,
    people: {
      mailer,
      fetcher,
      sessionSecret: 'test-secret-test-secret-test-secret!',
      trustProxy: true,
      publicUrl: null,
    },
  });
  return { app, mailer };
}

function keep(jar: Jar, res: Response): void {
  for (const line of res.headers.getSetCookie()) {
    const [pair, ...attrs] = line.split(';');
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    const expired = attrs.some((a) => /max-age=0\b/i.test(a.trim()) || /expires=Thu, 01 Jan 1970/i.test(a));
    if (expired || value === '') jar.cookies.delete(name);
    else jar.cookies.set(name, value);
  }
}

function headers(jar: Jar, extra: Record<string, string> = {}): Record<string, string> {
  const cookie = [...jar.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return { 'X-Forwarded-For': jar.address, ...(cookie ? { Cookie: cookie } : {}), ...extra };
}

export async function get(app: App, jar: Jar, path: string): Promise<{ res: Response; html: string }> {
  const res = await app.request(path, { headers: headers(jar) });
  keep(jar, res);
  return { res, html: await res.text() };
}

export async function post(
  app: App,
  jar: Jar,
  path: string,
  form: Record<string, string>,
): Promise<Response> {
  const res = await app.request(path, {
    method: 'POST',
    body: new URLSearchParams(form).toString(),
    headers: headers(jar, { 'Content-Type': 'application/x-www-form-urlencoded' }),
  });
  keep(jar, res);
  return res;
}

export function csrfOf(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no CSRF token on the page');
  return m[1];
}

/** GETs `page` for its token, then posts the form with it. */
export async function submit(
  app: App,
  jar: Jar,
  page: string,
  path: string,
  form: Record<string, string>,
): Promise<Response> {
  const { html } = await get(app, jar, page);
  return post(app, jar, path, { _csrf: csrfOf(html), ...form });
}

export async function signUpAndIn(
  app: App,
  jar: Jar,
  email: string,
  password = 'correct horse battery',
  name?: string,
) {
  await submit(app, jar, '/signup', '/signup', { email, password, name: name ?? email.split('@')[0] });
  const res = await submit(app, jar, '/signin', '/signin', { email, password, next: '/' });
  if (res.status !== 303) throw new Error(`sign-in failed: ${res.status}`);
}

/** One author per payload, named with it, commenting with it on an article (some held) and a story (reported). */
export async function seedPayloads(fx: {
  store: Store;
  ids: { troops: string; story: string };
}): Promise<void> {
  // one author per payload, named with it, commenting with it (published and held)
  for (const [i, payload] of XSS_PAYLOADS.entries()) {
    const user = await fx.store.users.create({
      email: `x${i}@example.org`,
      name: payload,
      passwordHash: 'x',
      role: 'reader',
    });
    const common = {
      targetId: fx.ids.troops,
      userId: user!.id,
      authorName: payload,
      body: payload,
      moderation: { score: 0.9, reasons: [`rule ${payload}`] },
      createdAt: new Date(Date.now() - 1000 * (100 - i)).toISOString(),
    };
    await fx.store.comments.create({
      ...common,
      targetType: 'article',
      parentId: null,
      status: i % 3 === 0 ? 'held' : 'published',
      idempotencyKey: `k${i}`,
    });
    await fx.store.comments.create({
      ...common,
      targetType: 'story',
      targetId: fx.ids.story,
      parentId: null,
      status: 'published',
      idempotencyKey: `s${i}`,
    });
    await fx.store.reports.add({
      commentId: (await fx.store.comments.forTarget('story', fx.ids.story, ['published'])).at(-1)!.id,
      userId: user!.id,
      reason: payload,
      createdAt: common.createdAt,
    });
  }
}
