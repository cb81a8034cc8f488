// snippet() wraps matches in these control characters; the text around them is escaped here
// and only then are the markers turned into <mark>. Marks always come out balanced, even if
// the article text itself contained the marker characters.
import { escapeHtml } from '../../lib/html.js';

export const MARK_OPEN = '\u0002';
export const MARK_CLOSE = '\u0003';

export function highlightToHtml(marked: string): string {
  let out = '';
  let open = false;
  for (const ch of marked) {
    if (ch === MARK_OPEN) {
      if (!open) out += '<mark>';
      open = true;
    } else if (ch === MARK_CLOSE) {
      if (open) out += '</mark>';
      open = false;
    } else if (ch < ' ' && ch !== '\n' && ch !== '\t') {
      // other control characters are dropped
    } else {
      out += escapeHtml(ch);
    }
  }
  return open ? `${out}</mark>` : out;
}
