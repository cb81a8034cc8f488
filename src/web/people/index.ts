// The people routes (accounts, comments, following, admin), mounted by one line in app.tsx.
import { Hono } from 'hono';
import type { Web } from '../context.js';
import { resolvePeople } from './options.js';
import { accountRoutes } from './routes-account.js';
import { adminRoutes } from './routes-admin.js';
import { commentRoutes } from './routes-comments.js';
import { followingRoutes } from './routes-following.js';

export { type CommentsData, CommentsSection, loadComments } from './comments-section.js';
export type { PeopleOptions } from './options.js';

export function peopleRoutes(web: Web) {
  const p = resolvePeople(web);
  const app = new Hono();
  app.route('/', accountRoutes(p));
  app.route('/', commentRoutes(p));
  app.route('/', followingRoutes(p));
  app.route('/', adminRoutes(p));
  return app;
}
