// Admin sources: list with health and errors, add with discovery, edit, pause/resume, display policy.
import { Hono } from 'hono';
import { LedeError } from '../../lib/errors.js';
import { findFeed } from './discovery.js';
import type { People } from './options.js';
import { Button, Form, Notice, page, view } from './render.js';
import { csrf, fields, gate } from './session.js';

function health(s: {
  enabled: boolean;
  pausedReason: string | null;
  errorCount: number;
  lastSuccessAt: string | null;
}) {
  if (!s.enabled) return 'paused';
  if (s.pausedReason) return `paused: ${s.pausedReason}`;
  if (s.errorCount > 0) return `failing (${s.errorCount} errors)`;
  return s.lastSuccessAt ? 'ok' : 'not fetched yet';
}

export function sourceRoutes(p: People) {
  const app = new Hono();
  const { store } = p.web;

  app.get('/admin/sources', gate(p, 'admin'), async (c) => {
    const v = await view(p, c);
    const sources = await store.sources.list();
    const q = c.req.query();
    return page(
      p,
      c,
      v,
      'Sources',
      <>
        <Notice text={q.added ? 'Source added.' : q.exists ? 'That feed is already a source.' : null} />
        <h2>Add a source</h2>
        <Form v={v} action="/admin/sources">
          <label for="src-url">Homepage or feed URL</label>
          <input id="src-url" name="url" type="url" required />
          <label for="src-policy">Display</label>
          <select id="src-policy" name="display_policy">
            <option value="full">full text</option>
            <option value="excerpt">excerpt only</option>
          </select>
          <button type="submit">Find the feed and add</button>
        </Form>
        <h2>All sources ({sources.length})</h2>
        <table>
          <thead>
            <tr>
              <th>Name</th>
              <th>Health</th>
              <th>Last success</th>
              <th>Last error</th>
              <th>Display</th>
              <th></th>
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
                <td>{health(s)}</td>
                <td>{s.lastSuccessAt?.slice(0, 16).replace('T', ' ') ?? '—'}</td>
                <td>
                  {s.lastError
                    ? `${s.lastErrorAt?.slice(0, 16).replace('T', ' ') ?? ''} ${s.lastError}`
                    : '—'}
                </td>
                <td>{s.displayPolicy}</td>
                <td>
                  <Button
                    v={v}
                    action={`/admin/sources/${s.id}/${s.enabled ? 'pause' : 'resume'}`}
                    label={s.enabled ? 'Pause' : 'Resume'}
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
    let url: URL;
    try {
      url = new URL((f.url ?? '').trim());
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('scheme');
    } catch {
      return page(p, c, v, 'Sources', <Notice text="Enter an http(s) URL." kind="error" />, 400);
    }
    let found: Awaited<ReturnType<typeof findFeed>>;
    try {
      found = await findFeed(await p.fetcher(), url.href);
    } catch (error) {
      const why = error instanceof LedeError ? error.code : 'fetch failed';
      return page(
        p,
        c,
        v,
        'Sources',
        <Notice text={`Could not fetch that address (${why}).`} kind="error" />,
        400,
      );
    }
    if (!found)
      return page(
        p,
        c,
        v,
        'Sources',
        <Notice text="No feed found at that address or on its page." kind="error" />,
        400,
      );
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
    const s = await store.sources.get(c.req.param('id'));
    if (!s) return page(p, c, v, 'Source', <Notice text="No such source." kind="error" />, 404);
    return page(
      p,
      c,
      v,
      `Source: ${s.name}`,
      <>
        <p>
          Health: {health(s)} · errors: {s.errorCount} · last error: {s.lastError ?? '—'}
        </p>
        <Form v={v} action={`/admin/sources/${s.id}`}>
          <p>
            <label for="e-name">Name</label>
            <br />
            <input id="e-name" name="name" value={s.name} required maxlength={120} />
          </p>
          <p>
            <label for="e-home">Homepage</label>
            <br />
            <input id="e-home" name="homepage" type="url" value={s.homepage ?? ''} />
          </p>
          <p>
            <label for="e-lang">Language</label>
            <br />
            <input id="e-lang" name="language" value={s.language ?? ''} pattern="[a-z]{2,3}" />
          </p>
          <p>
            <label for="e-country">Country</label>
            <br />
            <input id="e-country" name="country" value={s.country ?? ''} pattern="[A-Za-z]{2}" />
          </p>
          <p>
            <label for="e-policy">Display</label>
            <br />
            <select id="e-policy" name="display_policy">
              <option value="full" selected={s.displayPolicy === 'full'}>
                full text
              </option>
              <option value="excerpt" selected={s.displayPolicy === 'excerpt'}>
                excerpt only
              </option>
            </select>
          </p>
          <button type="submit">Save</button>
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
