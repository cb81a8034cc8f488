// "Is this HTML inert?": parses a page and lists anything that could run script: script elements
// other than the site's own files and JSON-LD, event-handler attributes, javascript:/vbscript:/
// data: URLs in link-like attributes, frames, objects, embeds, base and meta refresh.
import { Parser } from 'htmlparser2';

const URL_ATTRS = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'data',
  'background',
  'poster',
  'xlink:href',
  'srcdoc',
]);
const DANGEROUS_TAGS = new Set([
  'iframe',
  'object',
  'embed',
  'base',
  'frame',
  'frameset',
  'applet',
  'isindex',
]);

export function executableMarkup(html: string): string[] {
  const problems: string[] = [];
  let inScript: string | null = null;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'script') {
          const own = (attrs.src ?? '').startsWith('/assets/') || attrs.type === 'application/ld+json';
          if (!own) problems.push(`<script ${JSON.stringify(attrs)}>`);
          inScript = attrs.type === 'application/ld+json' ? 'json' : 'js';
        }
        if (DANGEROUS_TAGS.has(name)) problems.push(`<${name}>`);
        if (name === 'meta' && /refresh/i.test(attrs['http-equiv'] ?? '')) problems.push('<meta refresh>');
        for (const [key, value] of Object.entries(attrs)) {
          if (/^on/i.test(key)) problems.push(`<${name} ${key}>`);
          if (
            URL_ATTRS.has(key.toLowerCase()) &&
            /^\s*(javascript|vbscript|data):/i.test(value.replace(/[\s\u0000-\u001f]/g, ''))
          ) {
            problems.push(`<${name} ${key}=${value.slice(0, 40)}>`);
          }
          if (key === 'style' && /expression\(|javascript:/i.test(value)) problems.push(`<${name} style>`);
        }
      },
      ontext(text) {
        if (inScript === 'json' && /<\/?script/i.test(text)) problems.push('script tag inside JSON-LD');
      },
      onclosetag(name) {
        if (name === 'script') inScript = null;
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return problems;
}
