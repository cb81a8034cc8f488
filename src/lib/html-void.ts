// The HTML void elements (WHATWG HTML, "void elements"): tags that never have content or an end
// tag. Shared by the feed serialiser and the page extractor, which each add their own extras.
export const HTML_VOID_ELEMENTS: ReadonlySet<string> = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);
