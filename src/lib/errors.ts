/** An error with a stable machine-readable code, kept when it crosses stage boundaries. */
export class LedeError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LedeError';
    this.code = code;
  }
}

/** A short one-line description of any thrown value, for storing on a source or job. */
export function describeError(error: unknown): string {
  if (error instanceof LedeError) return `${error.code}: ${error.message}`;
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
