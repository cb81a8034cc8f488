// Rendering for the people pages: the site layout, a bar saying who is signed in, forms that
// always carry the CSRF token, and responses that are private and never cached.
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { User } from '../../domain/types.js';
import type { Translate } from '../i18n/messages.js';
import { Layout } from '../pages/layout.js';
import type { People } from './options.js';
import { csrfToken, who } from './session.js';

export interface View {
  csrf: string;
  user: User | null;
  /** UI strings in the reader's language */
  t: Translate;
}

export async function view(p: People, c: Context): Promise<View> {
  const [{ user }, csrf] = await Promise.all([who(p, c), csrfToken(p, c)]);
  return { csrf, user, t: p.web.page(c).t };
}

export function Form({
  v,
  action,
  children,
  class: cls,
}: {
  v: View;
  action: string;
  children?: Child;
  class?: string;
}) {
  return (
    <form method="post" action={action} class={cls}>
      <input type="hidden" name="_csrf" value={v.csrf} />
      {children}
    </form>
  );
}

/** A one-button form (sign out, follow, delete…). */
export function Button({
  v,
  action,
  label,
  fields,
}: {
  v: View;
  action: string;
  label: string;
  fields?: Record<string, string>;
}) {
  return (
    <Form v={v} action={action} class="inline">
      {Object.entries(fields ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit">{label}</button>
    </Form>
  );
}

function AccountBar({ v }: { v: View }) {
  const { t } = v;
  return (
    <nav class="account-bar" aria-label={t('nav.account')}>
      {v.user ? (
        <>
          <span>
            {t('people.signedInAs')} <strong>{v.user.name}</strong>
          </span>{' '}
          <a href="/for-you">{t('people.forYou')}</a> <a href="/bookmarks">{t('people.bookmarks')}</a>{' '}
          <a href="/following">{t('people.following')}</a> <a href="/account">{t('nav.account')}</a>{' '}
          {v.user.role !== 'reader' ? <a href="/admin">{t('people.admin')}</a> : null}{' '}
          <Button v={v} action="/signout" label={t('people.signout')} />
        </>
      ) : (
        <>
          <a href="/signin">{t('nav.signin')}</a> <a href="/signup">{t('people.signup')}</a>
        </>
      )}
    </nav>
  );
}

export async function page(
  p: People,
  c: Context,
  v: View,
  title: string,
  body: Child,
  status: 200 | 400 | 403 | 404 | 409 | 429 = 200,
): Promise<Response> {
  const ctx = p.web.page(c);
  const html = await p.web.render(
    <Layout ctx={ctx} title={title} noindex>
      <div class="people">
        <AccountBar v={v} />
        <h1>{title}</h1>
        {body}
      </div>
    </Layout>,
  );
  return c.html(html, status, { 'Cache-Control': 'private, no-store', Vary: 'Cookie' });
}

export function Notice({
  text,
  kind = 'info',
}: {
  text: string | null | undefined;
  kind?: 'info' | 'error';
}) {
  if (!text) return null;
  return (
    <p class={`notice ${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {text}
    </p>
  );
}
