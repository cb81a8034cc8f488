// Comment commands: post (idempotent, rate-limited, moderated), edit within the window, delete,
// report, and moderators' decisions (logged). Permission rules come from accounts/policy.ts.
import { canDeleteComment, canEditComment, canReportComment, isModerator } from '../accounts/policy.js';
import type { Throttle } from '../accounts/throttle.js';
import type { Comment, CommentStatus, CommentTargetType, User } from '../domain/types.js';
import type { Store } from '../storage/store.js';
import { MAX_COMMENT } from './markdown.js';
import { isDoubtful, moderate } from './moderation.js';

export interface CommentDeps {
  store: Store;
  throttle: Throttle;
  now?: () => Date;
}

export type Outcome<T> =
  | { ok: true; value: T }
  | { ok: false; code: string; message: string; status: 400 | 403 | 404 | 429 };
const no = <T>(status: 400 | 403 | 404 | 429, code: string, message: string): Outcome<T> => ({
  ok: false,
  code,
  message,
  status,
});

/** reports from this many people hold a published comment until a moderator looks */
export const REPORTS_TO_HOLD = 3;

export async function targetExists(store: Store, type: CommentTargetType, id: string): Promise<boolean> {
  return type === 'article'
    ? (await store.articles.get(id)) !== null
    : (await store.stories.get(id)) !== null;
}

function bodyProblem(body: string): string | null {
  if (!body.trim()) return 'Write something first.';
  if (body.length > MAX_COMMENT) return `Keep it under ${MAX_COMMENT} characters.`;
  return null;
}

export async function postComment(
  deps: CommentDeps,
  user: User,
  input: {
    targetType: CommentTargetType;
    targetId: string;
    parentId: string | null;
    body: string;
    idempotencyKey: string;
    address: string;
  },
): Promise<Outcome<{ comment: Comment; created: boolean }>> {
  const { store, throttle } = deps;
  const now = (deps.now ?? (() => new Date()))();
  const problem = bodyProblem(input.body);
  if (problem) return no(400, 'bad_body', problem);
  if (!/^[\w-]{16,100}$/.test(input.idempotencyKey))
    return no(400, 'bad_form', 'The form is out of date; reload the page.');
  if (!(await targetExists(store, input.targetType, input.targetId)))
    return no(404, 'not_found', 'Nothing to comment on here.');
  let parentId: string | null = null;
  if (input.parentId) {
    const parent = await store.comments.get(input.parentId);
    if (
      !parent ||
      parent.targetType !== input.targetType ||
      parent.targetId !== input.targetId ||
      parent.status === 'deleted'
    ) {
      return no(404, 'not_found', 'That comment is gone.');
    }
    // one level of replies: answering a reply answers its thread
    parentId = parent.parentId ?? parent.id;
  }
  const limited =
    (await throttle.blocked('commentAccount', user.id)) ||
    (await throttle.blocked('commentAccountHour', user.id)) ||
    (await throttle.blocked('commentAddress', input.address));
  if (limited) return no(429, 'throttled', 'You are commenting too fast. Wait a minute and try again.');
  const mine = (await store.comments.forTarget(input.targetType, input.targetId, ['published', 'held']))
    .filter((c) => c.userId === user.id)
    .map((c) => c.body);
  const verdict = moderate({ body: input.body, recent: mine });
  const status: CommentStatus = isDoubtful(verdict) && !isModerator(user) ? 'held' : 'published';
  // the form's one-time key makes a double-clicked post land once: the second gets the first
  const result = await store.comments.create({
    targetType: input.targetType,
    targetId: input.targetId,
    parentId,
    userId: user.id,
    authorName: user.name,
    body: input.body,
    status,
    moderation: verdict,
    idempotencyKey: input.idempotencyKey,
    createdAt: now.toISOString(),
  });
  if (result.created) {
    await throttle.hit('commentAccount', user.id);
    await throttle.hit('commentAccountHour', user.id);
    await throttle.hit('commentAddress', input.address);
  }
  return { ok: true, value: result };
}

export async function editComment(
  deps: CommentDeps,
  user: User,
  id: string,
  body: string,
): Promise<Outcome<Comment>> {
  const { store } = deps;
  const now = (deps.now ?? (() => new Date()))();
  const comment = await store.comments.get(id);
  if (!comment) return no(404, 'not_found', 'That comment is gone.');
  if (!canEditComment(user, comment, now.getTime()))
    return no(403, 'forbidden', 'You cannot edit this comment.');
  const problem = bodyProblem(body);
  if (problem) return no(400, 'bad_body', problem);
  const verdict = moderate({ body });
  const status: CommentStatus = isDoubtful(verdict) && !isModerator(user) ? 'held' : comment.status;
  const updated = await store.comments.update(id, {
    body,
    moderation: verdict,
    status,
    editedAt: now.toISOString(),
  });
  return updated ? { ok: true, value: updated } : no(404, 'not_found', 'That comment is gone.');
}

export async function deleteComment(deps: CommentDeps, user: User, id: string): Promise<Outcome<Comment>> {
  const { store } = deps;
  const comment = await store.comments.get(id);
  if (!comment) return no(404, 'not_found', 'That comment is gone.');
  if (!canDeleteComment(user, comment)) return no(403, 'forbidden', 'You cannot delete this comment.');
  const own = comment.userId === user.id;
  const updated = await store.comments.update(
    id,
    own ? { status: 'deleted', body: '' } : { status: 'removed' },
  );
  if (!own) await log(deps, user, 'remove', comment, 'removed from the thread');
  return updated ? { ok: true, value: updated } : no(404, 'not_found', 'That comment is gone.');
}

export async function reportComment(
  deps: CommentDeps,
  user: User,
  id: string,
  reason: string,
): Promise<Outcome<{ held: boolean }>> {
  const { store, throttle } = deps;
  const comment = await store.comments.get(id);
  if (!comment) return no(404, 'not_found', 'That comment is gone.');
  if (!canReportComment(user, comment)) return no(403, 'forbidden', 'You cannot report this comment.');
  if (!(await throttle.take('reportAccount', user.id)))
    return no(429, 'throttled', 'Too many reports. Try later.');
  const now = (deps.now ?? (() => new Date()))();
  await store.reports.add({
    commentId: id,
    userId: user.id,
    reason: reason.trim().slice(0, 300) || 'no reason given',
    createdAt: now.toISOString(),
  });
  const open = (await store.reports.open({ limit: 1000 })).find((r) => r.commentId === id);
  const held = (open?.count ?? 0) >= REPORTS_TO_HOLD;
  if (held && comment.status === 'published') {
    await store.comments.update(id, {
      status: 'held',
      moderation: {
        score: Math.max(comment.moderation.score, 0.5),
        reasons: [...comment.moderation.reasons, `reported by ${open?.count} readers`],
      },
    });
  }
  return { ok: true, value: { held } };
}

export type Decision = 'approve' | 'remove' | 'dismiss';

/** A moderator's decision on a held or reported comment; every decision is logged. */
export async function decide(
  deps: CommentDeps,
  moderator: User,
  id: string,
  decision: Decision,
  note: string,
): Promise<Outcome<Comment>> {
  const { store } = deps;
  if (!isModerator(moderator)) return no(403, 'forbidden', 'Moderators only.');
  const comment = await store.comments.get(id);
  if (!comment) return no(404, 'not_found', 'That comment is gone.');
  if (decision === 'remove') await store.comments.update(id, { status: 'removed' });
  if (decision === 'approve') await store.comments.update(id, { status: 'published' });
  await store.reports.clear(id);
  await log(deps, moderator, decision, comment, note);
  const updated = await store.comments.get(id);
  return updated ? { ok: true, value: updated } : no(404, 'not_found', 'That comment is gone.');
}

async function log(
  deps: CommentDeps,
  actor: User,
  action: string,
  comment: Comment,
  note: string,
): Promise<void> {
  await deps.store.moderationLog.add({
    actorId: actor.id,
    action,
    commentId: comment.id,
    subjectUserId: comment.userId,
    note: note.trim().slice(0, 500),
    createdAt: (deps.now ?? (() => new Date()))().toISOString(),
  });
}
