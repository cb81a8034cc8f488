// Render a subtree as blocks of plain text: one block per paragraph, heading, list item or cell,
// with the share of its text inside links (the post-pass uses it). Figures are left out: their
// captions and credits are kept apart by figures.ts.
import type { AnyNode, Element } from 'domhandler';
import { isElement, isTextNode } from './dom.js';

export interface Block {
  text: string;
  linkChars: number;
  tag: string;
  /** the element that opened the block */
  el: Element | null;
  /** the block is the whole text of `el` (so dropping the block may drop the element) */
  whole: boolean;
}

export const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'table',
  'tr',
  'td',
  'th',
  'tbody',
  'thead',
  'tfoot',
  'figure',
  'figcaption',
  'address',
  'hr',
  'center',
  'form',
  'fieldset',
  'details',
  'summary',
  'caption',
]);

/** elements whose text never belongs to the body text */
export const SKIP_IN_TEXT = new Set([
  'figure',
  'figcaption',
  'picture',
  'img',
  'script',
  'style',
  'noscript',
]);

export function renderBlocks(root: Element, skip: (el: Element) => boolean = () => false): Block[] {
  const blocks: Block[] = [];
  let buf = '';
  let links = 0;
  let owner: Element | null = root;
  let ownerTag = root.name;
  const flush = (whole = false) => {
    const text = buf.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
    if (text) blocks.push({ text, linkChars: Math.min(links, text.length), tag: ownerTag, el: owner, whole });
    buf = '';
    links = 0;
  };
  const visit = (node: AnyNode, inLink: boolean) => {
    if (isTextNode(node)) {
      buf += node.data;
      if (inLink) links += node.data.trim().length;
      return;
    }
    if (!isElement(node)) return;
    const name = node.name;
    if (SKIP_IN_TEXT.has(name) || skip(node)) return;
    if (name === 'br') {
      // a line break inside a paragraph: keep the paragraph's owner for link density
      const keep = owner;
      const keepTag = ownerTag;
      flush();
      owner = keep;
      ownerTag = keepTag;
      return;
    }
    const block = BLOCK_TAGS.has(name);
    if (block) {
      flush();
      owner = node;
      ownerTag = name;
    }
    const link = inLink || name === 'a';
    const before = blocks.length;
    for (const child of node.children) visit(child, link);
    if (block) {
      flush(blocks.length === before);
      owner = node.parent && isElement(node.parent) ? node.parent : null;
      ownerTag = owner ? owner.name : 'div';
    } else if (name === 'td' || name === 'th') buf += ' ';
  };
  visit(root, false);
  flush();
  return blocks;
}

export function blocksToText(blocks: Block[]): string {
  return blocks.map((b) => b.text).join('\n');
}
