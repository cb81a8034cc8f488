// The batch contract of every stage: JSON Lines in, one JSON line out per input line, same id;
// a bad line yields {"id":…,"error":"…"} and the batch goes on.
import { createInterface } from 'node:readline';
import { describeError } from '../lib/errors.js';

export async function runJsonl(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  handle: (line: Record<string, unknown>) => Promise<Record<string, unknown>> | Record<string, unknown>,
): Promise<number> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const raw of lines) {
    if (!raw.trim()) continue;
    let id: unknown = null;
    let out: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(raw);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
        throw new Error('line is not a JSON object');
      const line = parsed as Record<string, unknown>;
      id = line.id ?? null;
      out = { id, ...(await handle(line)) };
    } catch (error) {
      out = { id, error: describeError(error) };
    }
    if (!output.write(`${JSON.stringify(out)}\n`)) await new Promise((r) => output.once('drain', r));
  }
  return 0;
}

/** Raw bytes of a JSON Lines input: `base64` wins over the named text field. */
export function bytesOrText(line: Record<string, unknown>, textField: string): Buffer | string {
  if (typeof line.base64 === 'string') return Buffer.from(line.base64, 'base64');
  const text = line[textField];
  if (typeof text !== 'string') throw new Error(`missing "${textField}" or "base64"`);
  return text;
}
