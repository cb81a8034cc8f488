/** Current time as an ISO-8601 string; one place so tests can reason about time formats. */
export function nowIso(): string {
  return new Date().toISOString();
}

export function addSeconds(iso: string | Date, seconds: number): string {
  const base = typeof iso === 'string' ? Date.parse(iso) : iso.getTime();
  return new Date(base + seconds * 1000).toISOString();
}
