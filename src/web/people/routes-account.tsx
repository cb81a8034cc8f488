// Sign-up, sign-in, sign-out, password reset, the account page and account deletion.
import { type Context, Hono } from 'hono';
import {
  type AccountDeps,
  cleanName,
  deleteAccount,
  requestReset,
  resetPassword,
  signIn,
  signUp,
} from '../../accounts/commands.js';
import { MIN_PASSWORD } from '../../accounts/passwords.js';
import type { People } from './options.js';
import { Form, Notice, page, type View, view } from './render.js';
import { clientAddress, csrf, endSession, fields, gate, safeNext, startSession, who } from './session.js';

function Field({
  name,
  label,
  type = 'text',
  value,
  auto,
}: {
  name: string;
  label: string;
  type?: string;
  value?: string;
  auto?: string;
}) {
  return (
    <p>
      <label for={`f-${name}`}>{label}</label>
      <br />
      <input id={`f-${name}`} name={name} type={type} value={value} autocomplete={auto} required />
    </p>
  );
}

/** The password being chosen, its label naming the minimum length; password managers offer a new one. */
function NewPasswordField({
  v,
  label,
}: {
  v: View;
  label: 'account.newPassword' | 'account.newPasswordMin';
}) {
  return (
    <Field name="password" label={v.t(label, { n: MIN_PASSWORD })} type="password" auto="new-password" />
  );
}

function SignInForm({ v, next, error, email }: { v: View; next: string; error?: string; email?: string }) {
  return (
    <>
      <Notice text={error} kind="error" />
      <Form v={v} action="/signin">
        <input type="hidden" name="next" value={next} />
        <Field name="email" label={v.t('account.email')} type="email" value={email} auto="username" />
        <Field name="password" label={v.t('account.password')} type="password" auto="current-password" />
        <button type="submit">{v.t('nav.signin')}</button>
      </Form>
      <p>
        <a href="/reset">{v.t('account.forgot')}</a> · <a href="/signup">{v.t('people.signup')}</a>
      </p>
    </>
  );
}

function SignUpForm({ v, error, email, name }: { v: View; error?: string; email?: string; name?: string }) {
  return (
    <>
      <Notice text={error} kind="error" />
      <Form v={v} action="/signup">
        <Field name="name" label={v.t('account.displayName')} value={name} auto="nickname" />
        <Field name="email" label={v.t('account.email')} type="email" value={email} auto="email" />
        <NewPasswordField v={v} label="account.newPassword" />
        <button type="submit">{v.t('account.create')}</button>
      </Form>
    </>
  );
}

export function accountRoutes(p: People) {
  const app = new Hono();
  const { store } = p.web;
  const deps = (): AccountDeps => ({ store, throttle: p.throttle, mailer: p.mailer });
  const origin = (url: string) => p.publicUrl?.replace(/\/+$/, '') ?? new URL(url).origin;

  app.get('/signup', async (c) => {
    const v = await view(p, c);
    return page(p, c, v, v.t('people.signup'), <SignUpForm v={v} />);
  });

  app.post('/signup', csrf(p), async (c) => {
    const f = await fields(c);
    const result = await signUp(deps(), {
      email: f.email ?? '',
      name: f.name ?? '',
      password: f.password ?? '',
      address: clientAddress(p, c),
      origin: origin(c.req.url),
    });
    if (!result.ok) {
      const v = await view(p, c);
      const status = result.code === 'throttled' ? 429 : 400;
      return page(
        p,
        c,
        v,
        v.t('people.signup'),
        <SignUpForm v={v} error={result.message} email={f.email} name={cleanName(f.name ?? '')} />,
        status,
      );
    }
    // the same answer whether the address was new or taken (the owner of a taken one got mail)
    return c.redirect('/signin?created=1', 303);
  });

  app.get('/signin', async (c) => {
    const v = await view(p, c);
    const created = c.req.query('created') ? v.t('account.created') : null;
    const reset = c.req.query('reset') ? v.t('account.passwordChanged') : null;
    return page(
      p,
      c,
      v,
      v.t('nav.signin'),
      <>
        <Notice text={created ?? reset} />
        <SignInForm v={v} next={safeNext(c.req.query('next'))} />
      </>,
    );
  });

  app.post('/signin', csrf(p), async (c) => {
    const f = await fields(c);
    const result = await signIn(deps(), {
      email: f.email ?? '',
      password: f.password ?? '',
      address: clientAddress(p, c),
    });
    if (!result.ok) {
      const v = await view(p, c);
      const status = result.code === 'throttled' ? 429 : 400;
      return page(
        p,
        c,
        v,
        v.t('nav.signin'),
        <SignInForm v={v} next={safeNext(f.next)} error={result.message} email={f.email} />,
        status,
      );
    }
    // rotation: whatever session came with the request ends; a new id is issued
    const old = await who(p, c);
    if (old.session) await store.sessions.remove(old.session.id);
    startSession(p, c, result.value.session, result.value.user);
    return c.redirect(safeNext(f.next), 303);
  });

  app.post('/signout', csrf(p), async (c) => {
    const { session } = await who(p, c);
    if (session) await store.sessions.remove(session.id);
    endSession(p, c);
    return c.redirect('/', 303);
  });

  app.get('/reset', async (c) => {
    const v = await view(p, c);
    const sent = c.req.query('sent') ? v.t('account.resetSent') : null;
    return page(
      p,
      c,
      v,
      v.t('account.resetTitle'),
      <>
        <Notice text={sent} />
        <Form v={v} action="/reset">
          <Field name="email" label={v.t('account.email')} type="email" auto="email" />
          <button type="submit">{v.t('account.sendLink')}</button>
        </Form>
      </>,
    );
  });

  app.post('/reset', csrf(p), async (c) => {
    const f = await fields(c);
    await requestReset(deps(), {
      email: f.email ?? '',
      address: clientAddress(p, c),
      baseUrl: origin(c.req.url),
    });
    return c.redirect('/reset?sent=1', 303);
  });

  const resetForm = async (c: Context, error?: string) => {
    const v = await view(p, c);
    const token = c.req.param('token') ?? '';
    return page(
      p,
      c,
      v,
      v.t('account.choosePassword'),
      <>
        <Notice text={error} kind="error" />
        <Form v={v} action={`/reset/${encodeURIComponent(token)}`}>
          <NewPasswordField v={v} label="account.newPasswordMin" />
          <button type="submit">{v.t('account.setPassword')}</button>
        </Form>
      </>,
      error ? 400 : 200,
    );
  };
  app.get('/reset/:token', (c) => resetForm(c));
  app.post('/reset/:token', csrf(p), async (c) => {
    const f = await fields(c);
    const result = await resetPassword(deps(), { token: c.req.param('token'), password: f.password ?? '' });
    if (!result.ok) return resetForm(c, result.message);
    return c.redirect('/signin?reset=1', 303);
  });

  app.get('/account', gate(p, 'user'), async (c) => {
    const v = await view(p, c);
    const user = v.user!;
    return page(
      p,
      c,
      v,
      v.t('account.title'),
      <>
        <Notice text={c.req.query('saved') ? 'Saved.' : null} />
        <p>
          {user.email} · role: {user.role}
        </p>
        <Form v={v} action="/account/name">
          <Field name="name" label="Name shown with your comments" value={user.name} />
          <button type="submit">Save</button>
        </Form>
        <h2>Delete the account</h2>
        <p>
          Your account, sessions, follows, bookmarks, mutes and reading history are deleted; your comments are
          blanked.
        </p>
        <Form v={v} action="/account/delete">
          <Field name="password" label="Your password" type="password" auto="current-password" />
          <button type="submit">Delete my account</button>
        </Form>
      </>,
    );
  });

  app.post('/account/name', gate(p, 'user'), csrf(p), async (c) => {
    const { user } = await who(p, c);
    const name = cleanName((await fields(c)).name ?? '');
    if (user && name) await store.users.update(user.id, { name });
    return c.redirect('/account?saved=1', 303);
  });

  app.post('/account/delete', gate(p, 'user'), csrf(p), async (c) => {
    const { user } = await who(p, c);
    const result = await deleteAccount(deps(), user!, (await fields(c)).password ?? '');
    if (!result.ok) {
      const v = await view(p, c);
      return page(p, c, v, v.t('account.title'), <Notice text={result.message} kind="error" />, 403);
    }
    endSession(p, c);
    return c.redirect('/', 303);
  });

  return app;
}
