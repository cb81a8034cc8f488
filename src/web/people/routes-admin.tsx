// Admin: sources (add with discovery, edit, pause, health), accounts and roles, the moderation
// queue with reasons and the moderators' log, site settings. Moderators see the queue only.
import { type Context, Hono } from 'hono';
import { setRole } from '../../accounts/commands.js';
import { type Decision, decide } from '../../comments/commands.js';
import { ROLES, type Role } from '../../domain/types.js';
import type { Translate } from '../i18n/messages.js';
import type { People } from './options.js';
import { Button, Form, Notice, page, type View, view } from './render.js';
import { sourceRoutes } from './routes-sources.js';
import { csrf, fields, gate, who } from './session.js';
import { saveSiteSettings, siteSettings } from './site-settings.js';

export function adminRoutes(p: People) {
  const app = new Hono();
  const { store } = p.web;
  const defaults = () => ({ name: p.web.options.siteName, editions: ['en', 'ar'], defaultLanguage: 'en' });

  app.get('/admin', gate(p, 'moderator'), async (c) => {
    const v = await view(p, c);
    const { t } = v;
    const admin = v.user?.role === 'admin';
    return page(
      p,
      c,
      v,
      t('people.admin'),
      <ul>
        <li>
          <a href="/admin/moderation">{t('admin.moderation')}</a>
        </li>
        {admin ? (
          <li>
            <a href="/admin/sources">{t('admin.sources')}</a>
          </li>
        ) : null}
        {admin ? (
          <li>
            <a href="/admin/users">{t('admin.accounts')}</a>
          </li>
        ) : null}
        {admin ? (
          <li>
            <a href="/admin/settings">{t('admin.settings')}</a>
          </li>
        ) : null}
      </ul>,
    );
  });

  app.route('/', sourceRoutes(p));

  app.get('/admin/users', gate(p, 'admin'), async (c) => {
    const v = await view(p, c);
    const { t } = v;
    const users = await store.users.list({ limit: 500 });
    return page(
      p,
      c,
      v,
      t('admin.accounts'),
      <table>
        <thead>
          <tr>
            <th>{t('admin.name')}</th>
            <th>{t('account.email')}</th>
            <th>{t('admin.since')}</th>
            <th>{t('admin.role')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr>
              <td>{u.name}</td>
              <td>{u.email}</td>
              <td>{u.createdAt.slice(0, 10)}</td>
              <td>
                <Form v={v} action={`/admin/users/${u.id}/role`} class="inline">
                  <select name="role" aria-label={t('admin.roleOf', { name: u.name })}>
                    {ROLES.map((r) => (
                      <option value={r} selected={r === u.role}>
                        {t(`role.${r}`)}
                      </option>
                    ))}
                  </select>
                  <button type="submit">{t('admin.setRole')}</button>
                </Form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>,
    );
  });

  app.post('/admin/users/:id/role', gate(p, 'admin'), csrf(p), async (c) => {
    const { user } = await who(p, c);
    const role = (await fields(c)).role as Role;
    if (!ROLES.includes(role)) return c.text('Bad role', 400);
    const result = await setRole(store, user!, c.req.param('id'), role);
    if (!result.ok) {
      const v = await view(p, c);
      return page(p, c, v, v.t('admin.accounts'), <Notice text={result.message} kind="error" />, 400);
    }
    return c.redirect('/admin/users', 303);
  });

  app.get('/admin/moderation', gate(p, 'moderator'), async (c) => moderationPage(p, c, await view(p, c)));

  app.post('/admin/moderation/:id', gate(p, 'moderator'), csrf(p), async (c) => {
    const { user } = await who(p, c);
    const f = await fields(c);
    const decision = f.decision as Decision;
    if (!['approve', 'remove', 'dismiss'].includes(decision)) return c.text('Bad decision', 400);
    const result = await decide(
      { store, throttle: p.throttle },
      user!,
      c.req.param('id'),
      decision,
      f.note ?? '',
    );
    if (!result.ok) return c.text(result.message, result.status);
    return c.redirect('/admin/moderation', 303);
  });

  app.get('/admin/settings', gate(p, 'admin'), async (c) => {
    const v = await view(p, c);
    const { t } = v;
    const s = await siteSettings(store, defaults());
    return page(
      p,
      c,
      v,
      t('admin.settings'),
      <>
        <Notice text={c.req.query('saved') ? t('admin.saved') : null} />
        <Form v={v} action="/admin/settings">
          <p>
            <label for="s-name">{t('admin.siteName')}</label>
            <br />
            <input id="s-name" name="name" value={s.name} required maxlength={80} />
          </p>
          <p>
            <label for="s-ed">{t('admin.editions')}</label>
            <br />
            <input id="s-ed" name="editions" value={s.editions.join(', ')} />
          </p>
          <p>
            <label for="s-lang">{t('admin.defaultLanguage')}</label>
            <br />
            <input id="s-lang" name="defaultLanguage" value={s.defaultLanguage} pattern="[a-z]{2,3}" />
          </p>
          <button type="submit">{t('admin.save')}</button>
        </Form>
      </>,
    );
  });

  app.post('/admin/settings', gate(p, 'admin'), csrf(p), async (c) => {
    const f = await fields(c);
    const editions = (f.editions ?? '')
      .split(',')
      .map((e) => e.trim().toLowerCase())
      .filter((e) => /^[a-z]{2,3}(-[a-z]{2})?$/.test(e));
    const lang = /^[a-z]{2,3}$/.test(f.defaultLanguage ?? '') ? f.defaultLanguage! : 'en';
    await saveSiteSettings(store, {
      name: (f.name ?? '').trim().slice(0, 80) || p.web.options.siteName,
      editions,
      defaultLanguage: lang,
    });
    p.web.invalidateSettings();
    return c.redirect('/admin/settings?saved=1', 303);
  });

  return app;
}

const LOGGED = ['approve', 'remove', 'dismiss', 'role'] as const;

/** A moderation log action in the reader's language; a code this page does not know stays as stored. */
function loggedAction(t: Translate, action: string): string {
  const known = LOGGED.find((l) => l === action);
  return known ? t(`admin.logged.${known}`) : action;
}

async function moderationPage(p: People, c: Context, v: View) {
  const { store } = p.web;
  const { t } = v;
  const [held, reported, log] = await Promise.all([
    store.comments.byStatus('held', { limit: 100 }),
    store.reports.open({ limit: 100 }),
    store.moderationLog.list({ limit: 50 }),
  ]);
  const reportedComments = (
    await Promise.all(reported.map(async (r) => ({ r, c: await store.comments.get(r.commentId) })))
  ).filter((x) => x.c && x.c.status !== 'held');
  const Actions = ({ id }: { id: string }) => (
    <>
      {(['approve', 'remove', 'dismiss'] as const).map((d) => (
        <Button v={v} action={`/admin/moderation/${id}`} label={t(`admin.${d}`)} fields={{ decision: d }} />
      ))}
    </>
  );
  return page(
    p,
    c,
    v,
    t('admin.moderation'),
    <>
      <h2>{t('admin.held', { n: held.length })}</h2>
      {held.length === 0 ? <p>{t('admin.nothingWaiting')}</p> : null}
      <ul class="queue">
        {held.map((h) => (
          <li>
            <p>
              <strong>{h.authorName}</strong> {t('admin.on')}{' '}
              <a href={`/${h.targetType}/${h.targetId}/comments#c-${h.id}`}>
                {t(h.targetType === 'story' ? 'admin.targetStory' : 'admin.targetArticle')}
              </a>{' '}
              · {t('admin.score', { score: h.moderation.score })}
            </p>
            <p class="reasons">
              {t('admin.why', { reasons: h.moderation.reasons.join('; ') || t('admin.reportedReason') })}
            </p>
            <blockquote>
              <pre>{h.body}</pre>
            </blockquote>
            <Actions id={h.id} />
          </li>
        ))}
      </ul>
      <h2>{t('admin.reported', { n: reportedComments.length })}</h2>
      <ul class="queue">
        {reportedComments.map(({ r, c: rc }) => (
          <li>
            <p>
              <strong>{rc!.authorName}</strong> ·{' '}
              {t('admin.reports', { n: r.count, reasons: r.reasons.join('; ') })}
            </p>
            <blockquote>
              <pre>{rc!.body}</pre>
            </blockquote>
            <Actions id={rc!.id} />
          </li>
        ))}
      </ul>
      <h2>{t('admin.log')}</h2>
      <ul class="log">
        {log.map((a) => (
          <li>
            {a.createdAt.slice(0, 16).replace('T', ' ')} · {loggedAction(t, a.action)}
            {a.commentId ? ` ${t('admin.logComment', { id: a.commentId.slice(0, 8) })}` : ''}
            {a.note ? ` · ${a.note}` : ''}
          </li>
        ))}
      </ul>
    </>,
  );
}
