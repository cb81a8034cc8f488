// Who may do what. Every route asks here; nothing else decides permissions.
import type { Comment, Role, User } from '../domain/types.js';

/** how long an author may edit a comment */
export const EDIT_WINDOW_MS = 15 * 60_000;

const rank: Record<Role, number> = { reader: 0, moderator: 1, admin: 2 };

export const isModerator = (user: User | null): boolean => !!user && rank[user.role] >= rank.moderator;
export const isAdmin = (user: User | null): boolean => user?.role === 'admin';

export const ownsComment = (user: User | null, comment: Comment): boolean =>
  !!user && comment.userId !== null && comment.userId === user.id;

export function canEditComment(user: User | null, comment: Comment, now: number = Date.now()): boolean {
  if (!ownsComment(user, comment)) return false;
  if (comment.status !== 'published' && comment.status !== 'held') return false;
  return now - Date.parse(comment.createdAt) <= EDIT_WINDOW_MS;
}

export function canDeleteComment(user: User | null, comment: Comment): boolean {
  if (comment.status === 'deleted') return false;
  return ownsComment(user, comment) || isModerator(user);
}

export const canReportComment = (user: User | null, comment: Comment): boolean =>
  !!user && !ownsComment(user, comment) && comment.status === 'published';

/** moderators and admins see held comments in place, with their reasons */
export const canSeeHeld = isModerator;
