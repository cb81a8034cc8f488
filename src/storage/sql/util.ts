// Conversions shared by both backends' repos: times in a comparable form, page bounds.

/** UTC ISO form of a date string, so that text order is time order; unparseable input is kept. */
export function utc(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : new Date(ms).toISOString();
}

export function utcOrNull(iso: string | null | undefined): string | null {
  return iso == null ? null : utc(iso);
}

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 1000;

export function limitOf(limit: number | undefined): number {
  if (limit == null || !Number.isFinite(limit)) return DEFAULT_LIMIT;
  return Math.max(0, Math.min(MAX_LIMIT, Math.floor(limit)));
}

export function offsetOf(offset: number | undefined): number {
  if (offset == null || !Number.isFinite(offset)) return 0;
  return Math.max(0, Math.floor(offset));
}
