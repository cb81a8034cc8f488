// The thread page of an article or story (personal: forms, held comments for their author and
// moderators) and the comment commands.
import { type Context, Hono } from 'hono';
import { canEditComment } from '../../accounts/policy.js';
import {
  type CommentDeps,
  deleteComment,
  editComment,
  postComment,
  reportComment,
} from '../../comments/commands.js';
import type { CommentTargetType } from '../../domain/types.js';
import { CommentList, ReplyForm } from './comment-list.js';
import type { People } from './options.js';
import { Form, Notice, page, view } from './render.js';
import { clientAddress, csrf, fields, gate, who } from './session.js';

const threadUrl = (type: string, id: string, anchor = '') =>
  `/${type}/${encodeURIComponent(id)}/comments${anchor}`;

export function commentRoutes(p: People) {
  const app = new Hono();
  const { store } = p.web;
  const deps = (): CommentDeps => ({ store, throttle: p.throttle });

  const thread = (type: CommentTargetType) => async (c: Context) => {
    const id = c.req.param('id') ?? '';
    const target = type === 'article' ? await store.articles.get(id) : await store.stories.get(id);
    if (!target) return c.notFound();
    const v = await view(p, c);
    if (v.user && type === 'article') await store.history.record(v.user.id, id, new Date().toISOString());
    // held ones are filtered by the list: visible to their author and to moderators only
    const comments = await store.comments.forTarget(type, id, ['published', 'held', 'deleted', 'removed']);
    const notice = c.req.query('held') ? v.t('comments.heldThanks') : null;
    const back =
      type === 'article' ? `/article/${encodeURIComponent(id)}` : `/story/${encodeURIComponent(id)}`;
    return page(
      p,
      c,
      v,
      v.t('comments.title', { title: target.title }),
      <>
        <p>
          <a href={back}>{v.t(type === 'article' ? 'comments.backArticle' : 'comments.backStory')}</a>
        </p>
        <Notice text={notice} />
        <CommentList comments={comments} v={v} />
        {v.user ? (
          <ReplyForm
            v={v}
            c={{ targetType: type, targetId: id, parentId: null }}
            label={v.t('comments.add')}
          />
        ) : (
          <p>
            <a href={`/signin?next=${encodeURIComponent(threadUrl(type, id))}`}>
              {v.t('comments.signinToComment')}
            </a>
          </p>
        )}
        <p class="hint">
          Formatting: **bold**, *italics*, [a link](https://…), a line starting with "&gt;" quotes.
        </p>
      </>,
    );
  };
  app.get('/article/:id/comments', thread('article'));
  app.get('/story/:id/comments', thread('story'));

  const failure = async (c: Context, message: string, status: 400 | 403 | 404 | 429) => {
    const v = await view(p, c);
    return page(p, c, v, v.t('article.comments'), <Notice text={message} kind="error" />, status);
  };

  app.post('/comments', gate(p, 'user'), csrf(p), async (c) => {
    const { user } = await who(p, c);
    const f = await fields(c);
    const targetType = f.target_type === 'story' ? 'story' : 'article';
    const result = await postComment(deps(), user!, {
      targetType,
      targetId: f.target_id ?? '',
      parentId: f.parent_id || null,
      body: f.body ?? '',
      idempotencyKey: f.idem ?? '',
      address: clientAddress(p, c),
    });
    if (!result.ok) return failure(c, result.message, result.status);
    const { comment } = result.value;
    const query = comment.status === 'held' ? '?held=1' : '';
    return c.redirect(`${threadUrl(comment.targetType, comment.targetId)}${query}#c-${comment.id}`, 303);
  });

  app.get('/comments/:id/edit', gate(p, 'user'), async (c) => {
    const v = await view(p, c);
    const comment = await store.comments.get(c.req.param('id'));
    if (!comment) return failure(c, 'That comment is gone.', 404);
    if (!canEditComment(v.user, comment)) return failure(c, 'You cannot edit this comment.', 403);
    return page(
      p,
      c,
      v,
      v.t('comments.editTitle'),
      <Form v={v} action={`/comments/${comment.id}/edit`}>
        <label for="edit-body">{v.t('comments.comment')}</label>
        <textarea id="edit-body" name="body" rows={6} maxlength={5000} required>
          {comment.body}
        </textarea>
        <button type="submit">{v.t('comments.save')}</button>
      </Form>,
    );
  });

  app.post('/comments/:id/edit', gate(p, 'user'), csrf(p), async (c) => {
    const { user } = await who(p, c);
    const result = await editComment(deps(), user!, c.req.param('id'), (await fields(c)).body ?? '');
    if (!result.ok) return failure(c, result.message, result.status);
    return c.redirect(
      threadUrl(result.value.targetType, result.value.targetId, `#c-${result.value.id}`),
      303,
    );
  });

  app.post('/comments/:id/delete', gate(p, 'user'), csrf(p), async (c) => {
    const { user } = await who(p, c);
    const result = await deleteComment(deps(), user!, c.req.param('id'));
    if (!result.ok) return failure(c, result.message, result.status);
    return c.redirect(threadUrl(result.value.targetType, result.value.targetId), 303);
  });

  app.post('/comments/:id/report', gate(p, 'user'), csrf(p), async (c) => {
    const { user } = await who(p, c);
    const comment = await store.comments.get(c.req.param('id'));
    const result = await reportComment(deps(), user!, c.req.param('id'), (await fields(c)).reason ?? '');
    if (!result.ok || !comment)
      return failure(
        c,
        result.ok ? 'That comment is gone.' : result.message,
        result.ok ? 404 : result.status,
      );
    return c.redirect(threadUrl(comment.targetType, comment.targetId), 303);
  });

  return app;
}
