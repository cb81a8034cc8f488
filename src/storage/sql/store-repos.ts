// What both stores hold alike: the repos written once over the shared tables (sources, stories,
// tags, jobs) and the people repos. Each store adds its own articles, search and transactions.
import type { Kysely } from 'kysely';
import type { PeopleRepos } from '../sqlite/people-repos.js';
import type { SqlCodec } from './codec.js';
import { SqlJobRepo } from './jobs.js';
import { SqlSourceRepo } from './sources.js';
import { SqlStoryRepo } from './stories.js';
import type { SqlTables } from './tables.js';
import { SqlTagRepo } from './tags.js';

export abstract class SqlStoreRepos {
  readonly sources: SqlSourceRepo;
  readonly stories: SqlStoryRepo;
  readonly tags: SqlTagRepo;
  readonly jobs: SqlJobRepo;
  readonly users: PeopleRepos['users'];
  readonly sessions: PeopleRepos['sessions'];
  readonly passwordResets: PeopleRepos['passwordResets'];
  readonly comments: PeopleRepos['comments'];
  readonly reports: PeopleRepos['reports'];
  readonly follows: PeopleRepos['follows'];
  readonly bookmarks: PeopleRepos['bookmarks'];
  readonly mutes: PeopleRepos['mutes'];
  readonly history: PeopleRepos['history'];
  readonly moderationLog: PeopleRepos['moderationLog'];
  readonly settings: PeopleRepos['settings'];
  readonly rates: PeopleRepos['rates'];

  constructor(tables: Kysely<SqlTables>, codec: SqlCodec, people: PeopleRepos) {
    this.sources = new SqlSourceRepo(tables, codec);
    this.stories = new SqlStoryRepo(tables, codec);
    this.tags = new SqlTagRepo(tables, codec);
    this.jobs = new SqlJobRepo(tables, codec);
    this.users = people.users;
    this.sessions = people.sessions;
    this.passwordResets = people.passwordResets;
    this.comments = people.comments;
    this.reports = people.reports;
    this.follows = people.follows;
    this.bookmarks = people.bookmarks;
    this.mutes = people.mutes;
    this.history = people.history;
    this.moderationLog = people.moderationLog;
    this.settings = people.settings;
    this.rates = people.rates;
  }
}
