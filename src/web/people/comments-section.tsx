// The mount point on article and story pages: published comments and a link to the thread page
// where a signed-in reader writes. It carries no form and no per-reader data, because those
// pages are cached and shared by every reader.
import type { Comment, CommentTargetType } from '../../domain/types.js';
import type { Store } from '../../storage/store.js';
import type { PageContext } from '../pages/layout.js';
import { CommentList } from './comment-list.js';

export interface CommentsData {
  targetType: CommentTargetType;
  targetId: string;
  comments: Comment[];
}

/** What the page's route loads for the section (published comments only). */
export async function loadComments(
  store: Store,
  targetType: CommentTargetType,
  targetId: string,
): Promise<CommentsData> {
  return {
    targetType,
    targetId,
    comments: await store.comments.forTarget(targetType, targetId, ['published', 'deleted', 'removed']),
  };
}

export function CommentsSection({ ctx, data }: { ctx: PageContext; data: CommentsData }) {
  const count = data.comments.filter((c) => c.status === 'published').length;
  const href = `/${data.targetType}/${encodeURIComponent(data.targetId)}/comments`;
  return (
    <section id="comments" class="comments" data-mount="comments" aria-labelledby="comments-title">
      <h2 id="comments-title">
        {ctx.t('article.comments')}
        {count ? ` (${count})` : ''}
      </h2>
      <CommentList comments={data.comments} v={null} t={ctx.t} />
      <p class="people-links">
        <a href={href} rel="nofollow">
          {count ? ctx.t('comments.join') : ctx.t('comments.write')}
        </a>
        {' · '}
        {data.targetType === 'article' ? (
          <a href={`/bookmarks/add?article=${encodeURIComponent(data.targetId)}`} rel="nofollow">
            {ctx.t('comments.bookmark')}
          </a>
        ) : (
          <a href={`/follow?kind=story&value=${encodeURIComponent(data.targetId)}`} rel="nofollow">
            {ctx.t('comments.followStory')}
          </a>
        )}
      </p>
    </section>
  );
}
