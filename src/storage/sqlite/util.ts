// Small SQLite-only conversions (JSON as text, booleans as 0/1, bound-parameter chunks); the
// backend-neutral helpers live in ../sql/util.ts.

export function toJson(value: unknown): string {
  return JSON.stringify(value);
}

export function fromJson<T>(text: string | null, fallback: T): T {
  if (text == null || text === '') return fallback;
  return JSON.parse(text) as T;
}

export const bool = (value: boolean): number => (value ? 1 : 0);

/** SQLite caps bound parameters; long lists are queried in slices of this size. */
export const CHUNK = 500;

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
