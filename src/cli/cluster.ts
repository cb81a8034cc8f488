// `lede cluster --jsonl`: online story clustering as a batch filter (DESIGN.md contract).
// stdin {id, title, text, published, source[, entities]} in time order -> stdout {id, story}
// (plus `merged`: earlier stories folded into others, {id, story}, when a placement merged stories, and
// `moved`: earlier articles given to another story, {id, story}, when a story was regrouped).
// Each line is answered as soon as it is read: stdout writes to a pipe are synchronous in Node
// on Linux, so a line is out before the next input line is parsed.
import { StoryClusterer } from '../pipeline/stories/index.js';
import type { ClusterInput } from '../pipeline/stories/types.js';
import { parseCommandArgs } from './args.js';
import { type CliContext, type Command, UsageError } from './command.js';
import { runJsonl } from './jsonl.js';

const usage = `Usage: lede cluster --jsonl [--window-hours N]
  stdin: {"id", "title", "text", "published", "source", "entities"?} per line, in time order
  stdout: {"id", "story"} per line (and "merged": [{"id", "story"}] when stories were merged,
          "moved": [{"id", "story"}] when earlier articles moved to another story)`;

function str(line: Record<string, unknown>, field: string, required: boolean): string {
  const value = line[field];
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) {
    if (required) throw new Error(`missing "${field}"`);
    return '';
  }
  throw new Error(`"${field}" must be a string`);
}

export function toClusterInput(line: Record<string, unknown>): ClusterInput {
  const id = line.id;
  if (typeof id !== 'string' && typeof id !== 'number') throw new Error('missing "id"');
  const entities = Array.isArray(line.entities)
    ? line.entities.filter((e): e is string => typeof e === 'string')
    : undefined;
  const published = str(line, 'published', false);
  if (published && !Number.isFinite(Date.parse(published))) throw new Error('"published" is not a date');
  return {
    id: String(id),
    title: str(line, 'title', false),
    text: str(line, 'text', true),
    published: published || null,
    source: str(line, 'source', false),
    entities,
  };
}

/** The line handler, apart from I/O so tests can drive it in-process. */
export function clusterHandler(
  clusterer: StoryClusterer,
): (line: Record<string, unknown>) => Record<string, unknown> {
  return (line) => {
    const { storyId, merged, moved } = clusterer.add(toClusterInput(line));
    return {
      story: storyId,
      ...(merged.length ? { merged: merged.map((m) => ({ id: m.id, story: m.into })) } : {}),
      ...(moved.length ? { moved: moved.map((m) => ({ id: m.id, story: m.storyId })) } : {}),
    };
  };
}

async function run(ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    ctx.argv,
    { jsonl: { type: 'boolean' }, 'window-hours': { type: 'string' } },
    usage,
  );
  if (!values.jsonl || positionals.length) throw new UsageError(usage.split('\n')[0]);
  const windowHours = values['window-hours'] === undefined ? undefined : Number(values['window-hours']);
  if (windowHours !== undefined && !(windowHours > 0)) {
    throw new UsageError(`--window-hours needs a positive number of hours (usage: ${usage.split('\n')[0]})`);
  }
  const clusterer = new StoryClusterer(windowHours ? { windowHours } : {});
  return runJsonl(ctx.stdin, ctx.stdout, clusterHandler(clusterer));
}

export const command: Command = {
  name: 'cluster',
  summary: 'group articles into stories online (--jsonl batch on stdin, in time order)',
  usage,
  run,
};
