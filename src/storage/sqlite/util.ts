// Small conversions shared by the repos.

/** UTC ISO form of a date string, so that text order is time order; unparseable input is kept. */
export function utc(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : new Date(ms).toISOString();
}

export function utcOrNull(iso: string | null | undefined): string | null {
  return iso == null ? null : utc(iso);
}

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

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 1000;

export function limitOf(limit: number | undefined): number {
  if (limit == null || !Number.isFinite(limit)) return DEFAULT_LIMIT;
  return Math.max(0, Math.min(MAX_LIMIT, Math.floor(limit)));
}

export function offsetOf(offset: number | undefined): number {
  if (offset == null || !Number.isFinite(offset)) return 0;
  return Math.max(0, Math.floor(offset));
}
