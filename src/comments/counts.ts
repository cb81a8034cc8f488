// Comment counts for cards: one query for a whole list of cards.
import type { CommentTargetType } from '../domain/types.js';
import type { Store } from '../storage/store.js';

/** Published comments per id (missing ids have none). Use on a page of cards at once. */
export function commentCounts(
  store: Store,
  type: CommentTargetType,
  ids: string[],
): Promise<Map<string, number>> {
  return ids.length === 0 ? Promise.resolve(new Map()) : store.comments.counts(type, ids);
}
