// A pool of worker threads for extraction. Each page runs under a time limit and each worker
// under a heap limit: a pathological page gets its worker terminated and replaced, and its
// promise rejected with LedeError `extract_timeout` (or `extract_memory`), so ingestion goes on.
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { LedeError } from '../../lib/errors.js';
import type { ExtractedArticle } from './types.js';
import type { WorkerReply } from './worker.js';

export interface ExtractorPoolOptions {
  /** worker threads (default: CPUs - 1, at least 1, at most 4) */
  size?: number;
  /** per-page time limit (default 10 s) */
  timeoutMs?: number;
  /** V8 old-generation heap limit per worker (default 512 MB) */
  maxOldGenerationSizeMb?: number;
}

export interface ExtractorPool {
  extract(html: string, url: string): Promise<ExtractedArticle>;
  close(): Promise<void>;
}

interface Task {
  id: number;
  html: string;
  url: string;
  resolve: (a: ExtractedArticle) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  task: Task | null;
  timer: NodeJS.Timeout | null;
}

/**
 * Compiled: worker.js beside this file. Under vitest or tsx (TS sources) a worker cannot load .ts
 * by itself (`--import tsx` in execArgv does not reach a worker's entry on Node 20), so a tiny
 * data: module registers tsx's loader in the worker and then imports worker.ts.
 */
function workerEntry(): URL {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new URL('./worker.js', here);
  const tsxApi = pathToFileURL(createRequire(here).resolve('tsx/esm/api')).href.replace(/\.cjs$/, '.mjs');
  const target = new URL('./worker.ts', here).href;
  const code = `import { register } from ${JSON.stringify(tsxApi)}; register(); await import(${JSON.stringify(target)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

export function createExtractorPool(options: ExtractorPoolOptions = {}): ExtractorPool {
  const size = Math.max(1, options.size ?? Math.min(4, Math.max(1, cpus().length - 1)));
  const timeoutMs = options.timeoutMs ?? 10_000;
  const heapMb = options.maxOldGenerationSizeMb ?? 512;
  const entry = workerEntry();
  const queue: Task[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;

  const spawn = (): Slot => {
    const worker = new Worker(entry, {
      resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: Math.min(64, heapMb / 4) },
      stdout: false,
      stderr: false,
    });
    const slot: Slot = { worker, ready: false, task: null, timer: null };
    worker.on('message', (reply: WorkerReply | { ready: true }) => {
      if ('ready' in reply) {
        slot.ready = true;
        pump();
        return;
      }
      const task = slot.task;
      if (!task || task.id !== reply.id) return;
      finish(slot);
      if (reply.ok) task.resolve(reply.article);
      else task.reject(new LedeError('extract_failed', reply.error));
      pump();
    });
    const fail = (error: Error, code: string) => {
      const task = slot.task;
      finish(slot);
      replace(slot);
      task?.reject(new LedeError(code, error.message, { cause: error }));
      pump();
    };
    worker.on('error', (error: Error & { code?: string }) =>
      fail(error, error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'extract_memory' : 'extract_failed'),
    );
    worker.on('exit', (code) => {
      if (!closed && slots.includes(slot))
        fail(new Error(`extraction worker exited with code ${code}`), 'extract_failed');
    });
    worker.unref();
    return slot;
  };

  const finish = (slot: Slot) => {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.task = null;
  };

  const replace = (slot: Slot) => {
    const i = slots.indexOf(slot);
    if (i >= 0) slots.splice(i, 1);
    void slot.worker.terminate();
    if (!closed) slots.push(spawn());
    holdProcess();
  };

  // workers keep the process alive only while there is work, so an idle pool never blocks exit
  // (a ref'd worker alone does not hold the loop once it was unref'd on Node 20, so a timer does)
  let keepAlive: NodeJS.Timeout | null = null;
  const holdProcess = () => {
    const busy = queue.length > 0 || slots.some((s) => s.task);
    if (busy && !keepAlive) keepAlive = setInterval(() => {}, 60_000);
    if (!busy && keepAlive) {
      clearInterval(keepAlive);
      keepAlive = null;
    }
  };

  const pump = () => {
    holdProcess();
    for (const slot of slots) {
      if (!slot.ready || slot.task || !queue.length) continue;
      const task = queue.shift()!;
      slot.task = task;
      slot.timer = setTimeout(() => {
        if (slot.task !== task) return;
        finish(slot);
        replace(slot);
        task.reject(
          new LedeError('extract_timeout', `extraction took longer than ${timeoutMs} ms: ${task.url}`),
        );
        pump();
      }, timeoutMs);
      slot.worker.postMessage({ id: task.id, html: task.html, url: task.url });
    }
  };

  for (let i = 0; i < size; i++) slots.push(spawn());

  return {
    extract(html, url) {
      if (closed) return Promise.reject(new LedeError('extract_closed', 'extractor pool is closed'));
      return new Promise<ExtractedArticle>((resolve, reject) => {
        queue.push({ id: nextId++, html, url, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      if (keepAlive) clearInterval(keepAlive);
      keepAlive = null;
      for (const task of queue.splice(0))
        task.reject(new LedeError('extract_closed', 'extractor pool is closed'));
      const all = slots.splice(0);
      for (const slot of all) {
        if (slot.task) slot.task.reject(new LedeError('extract_closed', 'extractor pool is closed'));
        finish(slot);
      }
      await Promise.all(all.map((s) => s.worker.terminate()));
    },
  };
}
