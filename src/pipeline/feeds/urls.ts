// URL resolution as feeds need it: absolute references are kept byte for byte (ids are compared
// as strings, so "HTTP://Example.org/%7e" must not be normalised); relative ones resolve against
// xml:base or the document URL.
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

export function isAbsoluteUrl(ref: string): boolean {
  return SCHEME.test(ref);
}

export function resolveUrl(ref: string, base: string | null | undefined): string {
  if (!base || SCHEME.test(ref) || !SCHEME.test(base)) return ref;
  try {
    return new URL(ref, base).href;
  } catch {
    return ref;
  }
}
