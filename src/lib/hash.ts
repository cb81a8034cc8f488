import { createHash } from 'node:crypto';

/** Stable lowercase hex SHA-256 prefix of a string (16 hex chars by default). */
export function hexHash(value: string, length = 16): string {
  return createHash('sha256').update(value).digest('hex').slice(0, length);
}
