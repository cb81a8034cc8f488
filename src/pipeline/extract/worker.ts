// Worker thread entry of the extractor pool: one page at a time, answers with the article or the
// error message. The pool enforces time and memory limits from outside.
import { parentPort } from 'node:worker_threads';
import { extractArticle } from './extract.js';

export interface WorkerRequest {
  id: number;
  html: string;
  url: string;
}

export type WorkerReply =
  | { id: number; ok: true; article: ReturnType<typeof extractArticle> }
  | { id: number; ok: false; error: string };

if (parentPort) {
  const port = parentPort;
  port.on('message', (req: WorkerRequest) => {
    let reply: WorkerReply;
    try {
      reply = { id: req.id, ok: true, article: extractArticle(req.html, req.url) };
    } catch (error) {
      reply = { id: req.id, ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
  });
  // the pool starts a page's clock only once the modules are loaded
  port.postMessage({ ready: true });
}
