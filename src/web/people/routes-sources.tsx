// Admin sources: list with health and errors, add with discovery, edit, pause/resume, display policy.
import { Hono } from 'hono';
import { LedeError } from '../../lib/errors.js';
import type { Translate } from '../i18n/messages.js';
import { findFeed } from './discovery.js';
import type { People } from './options.js';
import { Button, Form, Notice, page, view } from './render.js';
import { csrf, fields, gate } from './session.js';

function health(
  t: Translate,
  s: {
    enabled: boolean;
    pausedReason: string | null;
    errorCount: number;
    lastSuccessAt: string | null;
  },
) {
  if (!s.enabled) return t('sources.paused');
  if (s.pausedReason) return t('sources.pausedWhy', { reason: s.pausedReason });
  if (s.errorCount > 0) return t('sources.failing', { n: s.errorCount });
  return s.lastSuccessAt ? t('sources.ok') : t('sources.notFetched');
}

export function sourceRoutes(p: People) {
  const app = new Hono();
  const { store } = p.web;

  app.get('/admin/sources', gate(p, 'admin'), async (c) => {
    const v = await view(p, c);
    const { t } = v;
    const sources = await store.sources.list();
    const q = c.req.query();
    return page(
      p,
      c,
      v,
      t('admin.sources'),
      <>
        <Notice text={q.added ? t('sources.added') : q.exists ? t('sources.exists') : null} />
        <h2>{t('sources.add')}</h2>
        <Form v={v} action="/admin/sources">
          <label for="src-url">{t('sources.url')}</label>
          <input id="src-url" name="url" type="url" required />
          <label for="src-policy">{t('sources.display')}</label>
          <select id="src-policy" name="display_policy">
            <option value="full">{t('sources.full')}</option>
            <option value="excerpt">{t('sources.excerpt')}</option>
          </select>
          <button type="submit">{t('sources.find')}</button>
        </Form>
        <h2>{t('sources.all', { n: sources.length })}</h2>
        <table>
          <thead>
            <tr>
              <th>{t('admin.name')}</th>
              <th>{t('sources.health')}</th>
              <th>{t('source.lastSuccess')}</th>
              <th>{t('source.lastError')}</th>
              <th>{t('sources.display')}</th>
              <th>
                <span class="visually-hidden">{t('sources.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sources.map((s) => (
              <tr>
                <td>
                  <a href={`/admin/sources/${s.id}`}>{s.name}</a>
                  <br />
                  <small>{s.feedUrl}</small>
                </td>
                <td>{health(t, s)}</td>
                <td>{s.lastSuccessAt?.slice(0, 16).replace('T', ' ') ?? '—'}</td>
                <td>
                  {s.lastError
                    ? `${s.lastErrorAt?.slice(0, 16).replace('T', ' ') ?? ''} ${s.lastError}`
                    : '—'}
                </td>
                <td>{t(s.displayPolicy === 'excerpt' ? 'sources.excerpt' : 'sources.full')}</td>
                <td>
                  <Button
                    v={v}
                    action={`/admin/sources/${s.id}/${s.enabled ? 'pause' : 'resume'}`}
                    label={s.enabled ? t('sources.pause') : t('sources.resume')}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </>,
    );
  });

  app.post('/admin/sources', gate(p, 'admin'), csrf(p), async (c) => {
    const f = await fields(c);
    const v = await view(p, c);
    const { t } = v;
    const refuse = (text: string) =>
      page(p, c, v, t('admin.sources'), <Notice text={text} kind="error" />, 400);
    let url: URL;
    try {
      url = new URL((f.url ?? '').trim());
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('scheme');
    } catch {
      return refuse(t('sources.badUrl'));
    }
    let found: Awaited<ReturnType<typeof findFeed>>;
    try {
      found = await findFeed(await p.fetcher(), url.href);
    } catch (error) {
      const why = error instanceof LedeError ? error.code : 'fetch failed';
      return refuse(t('sources.fetchFailed', { why }));
    }
    if (!found) return refuse(t('sources.noFeed'));
    const { created } = await store.sources.add({
      name: (found.title ?? url.hostname).slice(0, 120),
      feedUrl: found.feedUrl,
      homepage: found.homepage,
      language: found.language?.slice(0, 2).toLowerCase() ?? null,
      displayPolicy: f.display_policy === 'excerpt' ? 'excerpt' : 'full',
    });
    return c.redirect(created ? '/admin/sources?added=1' : '/admin/sources?exists=1', 303);
  });

  app.get('/admin/sources/:id', gate(p, 'admin'), async (c) => {
    const v = await view(p, c);
    const { t } = v;
    const s = await store.sources.get(c.req.param('id'));
    if (!s)
      return page(p, c, v, t('sources.source'), <Notice text={t('sources.missing')} kind="error" />, 404);
    return page(
      p,
      c,
      v,
      t('sources.titleOf', { name: s.name }),
      <>
        <p>{t('sources.summary', { health: health(t, s), n: s.errorCount, error: s.lastError ?? '—' })}</p>
        <Form v={v} action={`/admin/sources/${s.id}`}>
          <p>
            <label for="e-name">{t('admin.name')}</label>
            <br />
            <input id="e-name" name="name" value={s.name} required maxlength={120} />
          </p>
          <p>
            <label for="e-home">{t('source.homepage')}</label>
            <br />
            <input id="e-home" name="homepage" type="url" value={s.homepage ?? ''} />
          </p>
          <p>
            <label for="e-lang">{t('source.language')}</label>
            <br />
            <input id="e-lang" name="language" value={s.language ?? ''} pattern="[a-z]{2,3}" />
          </p>
          <p>
            <label for="e-country">{t('source.country')}</label>
            <br />
            <input id="e-country" name="country" value={s.country ?? ''} pattern="[A-Za-z]{2}" />
          </p>
          <p>
            <label for="e-policy">{t('sources.display')}</label>
            <br />
            <select id="e-policy" name="display_policy">
              <option value="full" selected={s.displayPolicy === 'full'}>
                {t('sources.full')}
              </option>
              <option value="excerpt" selected={s.displayPolicy === 'excerpt'}>
                {t('sources.excerpt')}
              </option>
            </select>
          </p>
          <button type="submit">{t('admin.save')}</button>
        </Form>
      </>,
    );
  });

  app.post('/admin/sources/:id', gate(p, 'admin'), csrf(p), async (c) => {
    const f = await fields(c);
    const home = (f.homepage ?? '').trim();
    const updated = await store.sources.update(c.req.param('id'), {
      name: (f.name ?? '').trim().slice(0, 120) || undefined,
      homepage: /^https?:\/\//.test(home) ? home : null,
      language: /^[a-z]{2,3}$/.test(f.language ?? '') ? f.language : null,
      country: /^[A-Za-z]{2}$/.test(f.country ?? '') ? f.country!.toUpperCase() : null,
      displayPolicy: f.display_policy === 'excerpt' ? 'excerpt' : 'full',
    });
    if (!updated) return c.text('No such source', 404);
    return c.redirect('/admin/sources', 303);
  });

  for (const op of ['pause', 'resume'] as const) {
    app.post(`/admin/sources/:id/${op}`, gate(p, 'admin'), csrf(p), async (c) => {
      const updated = await store.sources.update(c.req.param('id'), { enabled: op === 'resume' });
      if (!updated) return c.text('No such source', 404);
      return c.redirect('/admin/sources', 303);
    });
  }

  return app;
}
