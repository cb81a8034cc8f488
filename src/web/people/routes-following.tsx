// Following (sources, hashtags, categories, stories), mutes (sources, words), bookmarks and the
// "For you" page. Follow and bookmark links on the reader's cached pages are plain GET links to
// a confirmation form here (those pages carry no CSRF token).
import { type Context, Hono } from 'hono';
import type { FollowKind, MuteKind } from '../../domain/types.js';
import { AddRuleForm, RuleList } from './following-lists.js';
import { forYou } from './for-you.js';
import type { People } from './options.js';
import { Button, Notice, page, view } from './render.js';
import { csrf, fields, gate, safeNext, who } from './session.js';

const FOLLOW_KINDS: FollowKind[] = ['source', 'tag', 'category', 'story'];
const MUTE_KINDS: MuteKind[] = ['source', 'word'];
const cleanValue = (v: string | undefined) => (v ?? '').trim().slice(0, 200);

export function followingRoutes(p: People) {
  const app = new Hono();
  const { store } = p.web;
  const now = () => new Date().toISOString();

  /** GET /follow?kind=tag&value=kursk: a confirmation form (links from public pages land here) */
  app.get('/follow', gate(p, 'user'), async (c) => {
    const v = await view(p, c);
    const kind = c.req.query('kind') as FollowKind;
    const value = cleanValue(c.req.query('value'));
    if (!FOLLOW_KINDS.includes(kind) || !value)
      return page(p, c, v, v.t('follow.title'), <Notice text={v.t('follow.nothing')} kind="error" />, 400);
    return page(
      p,
      c,
      v,
      v.t('follow.title'),
      <>
        <p>
          Follow the {kind} “{value}”? Its news will come first on your For you page.
        </p>
        <Button
          v={v}
          action="/follow"
          label={v.t('follow.title')}
          fields={{ kind, value, next: safeNext(c.req.query('next')) }}
        />
      </>,
    );
  });

  const change = (op: 'add' | 'remove', what: 'follows' | 'mutes') => async (c: Context) => {
    const { user } = await who(p, c);
    const f = await fields(c);
    const value = cleanValue(f.value);
    const kinds: string[] = what === 'follows' ? FOLLOW_KINDS : MUTE_KINDS;
    if (!kinds.includes(f.kind ?? '') || !value) return c.text('Bad request', 400);
    if (what === 'follows') {
      if (op === 'add') await store.follows.add(user!.id, f.kind as FollowKind, value, now());
      else await store.follows.remove(user!.id, f.kind as FollowKind, value);
    } else if (op === 'add') await store.mutes.add(user!.id, f.kind as MuteKind, value.toLowerCase(), now());
    else await store.mutes.remove(user!.id, f.kind as MuteKind, value.toLowerCase());
    return c.redirect(safeNext(f.next === '/' ? '/following' : f.next), 303);
  };
  app.post('/follow', gate(p, 'user'), csrf(p), change('add', 'follows'));
  app.post('/unfollow', gate(p, 'user'), csrf(p), change('remove', 'follows'));
  app.post('/mute', gate(p, 'user'), csrf(p), change('add', 'mutes'));
  app.post('/unmute', gate(p, 'user'), csrf(p), change('remove', 'mutes'));

  app.get('/following', gate(p, 'user'), async (c) => {
    const v = await view(p, c);
    const [follows, mutes, names] = await Promise.all([
      store.follows.list(v.user!.id),
      store.mutes.list(v.user!.id),
      p.web.names(),
    ]);
    const name = ({ kind, value }: { kind: string; value: string }) =>
      kind === 'source' ? (names.get(value) ?? value) : kind === 'tag' ? `#${value}` : value;
    return page(
      p,
      c,
      v,
      v.t('follow.page'),
      <>
        <h2>{v.t('follow.youFollow')}</h2>
        {follows.length ? (
          <RuleList v={v} rules={follows} name={name} undo="/unfollow" undoLabel={v.t('follow.unfollow')} />
        ) : (
          <p>{v.t('follow.none')}</p>
        )}
        <AddRuleForm
          v={v}
          action="/follow"
          kinds={FOLLOW_KINDS}
          kindLabel={v.t('follow.what')}
          valueLabel="Source id, hashtag, section or story id"
          submitLabel={v.t('follow.title')}
        />
        <h2>{v.t('follow.muted')}</h2>
        <RuleList v={v} rules={mutes} name={name} undo="/unmute" undoLabel={v.t('follow.unmute')} />
        <AddRuleForm
          v={v}
          action="/mute"
          kinds={MUTE_KINDS}
          kindLabel={v.t('follow.whatMute')}
          valueLabel={v.t('follow.muteValue')}
          submitLabel={v.t('follow.mute')}
        />
      </>,
    );
  });

  app.get('/for-you', gate(p, 'user'), async (c) => {
    const v = await view(p, c);
    const items = await forYou(store, v.user!.id, await p.web.names());
    return page(
      p,
      c,
      v,
      v.t('people.forYou'),
      items.length ? (
        <ol class="for-you">
          {items.map(({ article, why }) => (
            <li>
              <a href={`/article/${article.id}`}>{article.title}</a>
              <br />
              <small class="why">{why}</small>
            </li>
          ))}
        </ol>
      ) : (
        <p>
          Follow a few sources, hashtags or sections (<a href="/following">manage</a>) and read some articles:
          your page fills up.
        </p>
      ),
    );
  });

  app.get('/bookmarks', gate(p, 'user'), async (c) => {
    const v = await view(p, c);
    const marks = await store.bookmarks.list(v.user!.id, { limit: 200 });
    const articles = await store.articles.list({ ids: marks.map((m) => m.articleId), limit: 200 });
    return page(
      p,
      c,
      v,
      v.t('people.bookmarks'),
      articles.length ? (
        <ul class="bookmarks">
          {articles.map((a) => (
            <li>
              {/* data-save: the app's service worker keeps this URL for offline reading */}
              <a href={`/article/${a.id}`} data-save={`/article/${a.id}`}>
                {a.title}
              </a>{' '}
              <Button
                v={v}
                action="/bookmarks/remove"
                label={v.t('bookmarks.remove')}
                fields={{ article_id: a.id }}
              />
            </li>
          ))}
        </ul>
      ) : (
        <p>{v.t('bookmarks.none')}</p>
      ),
    );
  });

  /** GET /bookmarks/add?article=ID: confirmation form, linked from article pages */
  app.get('/bookmarks/add', gate(p, 'user'), async (c) => {
    const v = await view(p, c);
    const article = await store.articles.get(c.req.query('article') ?? '');
    if (!article)
      return page(p, c, v, v.t('bookmarks.one'), <Notice text={v.t('bookmarks.noSuch')} kind="error" />, 404);
    return page(
      p,
      c,
      v,
      v.t('bookmarks.one'),
      <>
        <p>Save “{article.title}” to your bookmarks?</p>
        <Button
          v={v}
          action="/bookmarks/add"
          label={v.t('bookmarks.save')}
          fields={{ article_id: article.id }}
        />
      </>,
    );
  });

  app.post('/bookmarks/add', gate(p, 'user'), csrf(p), async (c) => {
    const { user } = await who(p, c);
    const id = (await fields(c)).article_id ?? '';
    if (!(await store.articles.get(id))) return c.text('No such article', 404);
    await store.bookmarks.add(user!.id, id, now());
    await store.history.record(user!.id, id, now());
    return c.redirect('/bookmarks', 303);
  });

  app.post('/bookmarks/remove', gate(p, 'user'), csrf(p), async (c) => {
    const { user } = await who(p, c);
    await store.bookmarks.remove(user!.id, (await fields(c)).article_id ?? '');
    return c.redirect('/bookmarks', 303);
  });

  return app;
}
