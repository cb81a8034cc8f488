/**
 * How String#toLowerCase and #toUpperCase treat one UTF-16 code unit, remembered per code: the
 * tagger's scans ask for every character outside ASCII, where building two strings each time cost
 * more than the rest of the scan.
 */

/** toLowerCase changes it: an upper-case (or title-case) letter. */
export const HAS_LOWER = 1;
/** toUpperCase changes it: a lower-case (or title-case) letter. */
export const HAS_UPPER = 2;
const KNOWN = 4;

const bits = new Uint8Array(0x10000);

/** HAS_LOWER | HAS_UPPER bits of a code unit (0: no case, as digits, punctuation, CJK). */
export function caseBits(code: number): number {
  let b = bits[code];
  if (b === 0) {
    const ch = String.fromCharCode(code);
    b = KNOWN | (ch !== ch.toLowerCase() ? HAS_LOWER : 0) | (ch !== ch.toUpperCase() ? HAS_UPPER : 0);
    bits[code] = b;
  }
  return b & ~KNOWN;
}
