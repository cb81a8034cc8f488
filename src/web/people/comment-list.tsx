// A thread of comments, for the public section of article and story pages (published only, no
// forms: those pages are cached for everyone) and for the personal thread page (with forms).
import { raw } from 'hono/html';
import { canDeleteComment, canEditComment, canReportComment, canSeeHeld } from '../../accounts/policy.js';
import { renderMarkdown } from '../../comments/markdown.js';
import type { Comment } from '../../domain/types.js';
import { type Translate, translator } from '../i18n/messages.js';
import { Button, Form, type View } from './render.js';
import { newIdempotencyKey } from './session.js';

export function threads(comments: Comment[]): Array<{ top: Comment; replies: Comment[] }> {
  const tops = comments.filter((c) => c.parentId === null);
  return tops.map((top) => ({ top, replies: comments.filter((c) => c.parentId === top.id) }));
}

function visible(c: Comment, v: View | null): boolean {
  if (c.status === 'published') return true;
  if (c.status === 'held') return canSeeHeld(v?.user ?? null) || (!!v?.user && c.userId === v.user.id);
  return false;
}

function Body({ c, v, t }: { c: Comment; v: View | null; t: Translate }) {
  if (c.status === 'deleted') return <p class="gone">{t('comments.deleted')}</p>;
  if (c.status === 'removed' && !canSeeHeld(v?.user ?? null))
    return <p class="gone">{t('comments.removed')}</p>;
  // renderMarkdown escapes everything and adds only its own few tags
  return <div class="comment-body">{raw(renderMarkdown(c.body))}</div>;
}

export function ReplyForm({
  v,
  c,
  label = v.t('comments.reply'),
}: {
  v: View;
  c: { targetType: string; targetId: string; parentId: string | null };
  label?: string;
}) {
  const id = `reply-${c.parentId ?? 'top'}`;
  return (
    <Form v={v} action="/comments" class="comment-form">
      <input type="hidden" name="target_type" value={c.targetType} />
      <input type="hidden" name="target_id" value={c.targetId} />
      {c.parentId ? <input type="hidden" name="parent_id" value={c.parentId} /> : null}
      <input type="hidden" name="idem" value={newIdempotencyKey()} />
      <label for={id}>{label}</label>
      <textarea id={id} name="body" rows={c.parentId ? 2 : 4} maxlength={5000} required></textarea>
      <button type="submit">{label}</button>
    </Form>
  );
}

function One({
  c,
  v,
  t,
  now,
  replyable,
}: {
  c: Comment;
  v: View | null;
  t: Translate;
  now: number;
  replyable: boolean;
}) {
  const user = v?.user ?? null;
  return (
    <article class={`comment ${c.status}`} id={`c-${c.id}`}>
      <header>
        <strong class="author">{c.authorName || t('comments.formerReader')}</strong>{' '}
        <time datetime={c.createdAt}>{c.createdAt.slice(0, 16).replace('T', ' ')}</time>
        {c.editedAt ? <span> · {t('comments.edited')}</span> : null}
      </header>
      {c.status === 'held' ? (
        <p class="held">
          {t('comments.held')}
          {canSeeHeld(user) && c.moderation.reasons.length ? `: ${c.moderation.reasons.join('; ')}` : ''}
        </p>
      ) : null}
      <Body c={c} v={v} t={t} />
      {v && user ? (
        <footer class="comment-actions">
          {canEditComment(user, c, now) ? <a href={`/comments/${c.id}/edit`}>{t('comments.edit')}</a> : null}{' '}
          {canDeleteComment(user, c) ? (
            <Button v={v} action={`/comments/${c.id}/delete`} label={t('comments.delete')} />
          ) : null}{' '}
          {canReportComment(user, c) ? (
            <Form v={v} action={`/comments/${c.id}/report`} class="inline">
              <label>
                {t('comments.report')}:{' '}
                <input name="reason" maxlength={300} placeholder={t('comments.reportWhy')} />
              </label>
              <button type="submit">{t('comments.report')}</button>
            </Form>
          ) : null}
          {replyable && c.status === 'published' ? (
            <ReplyForm v={v} c={{ targetType: c.targetType, targetId: c.targetId, parentId: c.id }} />
          ) : null}
        </footer>
      ) : null}
    </article>
  );
}

export function CommentList({
  comments,
  v,
  t: given,
  now = Date.now(),
}: {
  comments: Comment[];
  v: View | null;
  /** UI strings when there is no View (the cached section of article and story pages) */
  t?: Translate;
  now?: number;
}) {
  const t = v?.t ?? given ?? translator('en');
  const list = threads(comments).filter(
    ({ top, replies }) =>
      visible(top, v) || replies.some((r) => visible(r, v)) || (top.status !== 'held' && replies.length > 0),
  );
  if (list.length === 0) return <p class="empty">{t('comments.none')}</p>;
  return (
    <ol class="comments">
      {list.map(({ top, replies }) => (
        <li>
          <One c={top} v={v} t={t} now={now} replyable={true} />
          {replies.filter((r) => visible(r, v)).length ? (
            <ol class="replies">
              {replies
                .filter((r) => visible(r, v))
                .map((r) => (
                  <li>
                    <One c={r} v={v} t={t} now={now} replyable={false} />
                  </li>
                ))}
            </ol>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
