// The document model: exactly Broadsheet's typed blocks (Articles/Blocks.cs), one top-level node per block.
import { Schema } from 'prosemirror-model';

const atom = (extra) => ({ group: 'block', atom: true, selectable: true, draggable: false, ...extra });

export const schema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: { group: 'block', content: 'inline*', parseDOM: [{ tag: 'p' }], toDOM: () => ['p', 0] },
    heading: {
      group: 'block', content: 'text*', marks: '', attrs: { level: { default: 2 } }, defining: true,
      parseDOM: [{ tag: 'h2', attrs: { level: 2 } }, { tag: 'h3', attrs: { level: 3 } }, { tag: 'h4', attrs: { level: 4 } }],
      toDOM: (node) => ['h' + node.attrs.level, 0],
    },
    quote: {
      group: 'block', content: 'quote_text quote_by', attrs: { pull: { default: false } }, defining: true,
      parseDOM: [{ tag: 'blockquote[data-broadsheet]' }],
      toDOM: (node) => ['blockquote', { 'data-broadsheet': '', class: node.attrs.pull ? 'pull' : null }, 0],
    },
    quote_text: { content: 'inline*', parseDOM: [{ tag: 'p.quote-text' }], toDOM: () => ['p', { class: 'quote-text' }, 0] },
    quote_by: { content: 'text*', marks: '', parseDOM: [{ tag: 'p.quote-by' }], toDOM: () => ['p', { class: 'quote-by' }, 0] },
    list: {
      group: 'block', content: 'list_item+', attrs: { ordered: { default: false } },
      parseDOM: [{ tag: 'ul', attrs: { ordered: false } }, { tag: 'ol', attrs: { ordered: true } }],
      toDOM: (node) => [node.attrs.ordered ? 'ol' : 'ul', 0],
    },
    list_item: { content: 'inline*', parseDOM: [{ tag: 'li' }], toDOM: () => ['li', 0] },
    image: atom({ attrs: { imageId: { default: '' }, caption: { default: '' }, credit: { default: '' }, alt: { default: '' }, thumb: { default: '' }, upload: { default: null } } }),
    embed: atom({ attrs: { url: { default: '' }, title: { default: '' }, provider: { default: '' } } }),
    sources: atom({ attrs: { items: { default: [] } } }),
    // A block of a type this editor does not know yet: kept exactly as the server sent it, never turned into text.
    kept: atom({ attrs: { block: { default: null } } }),
    divider: atom({ parseDOM: [{ tag: 'hr' }], toDOM: () => ['div', { class: 'pm-divider' }, ['hr']] }),
    text: { group: 'inline' },
  },
  marks: {
    link: {
      attrs: { href: {} }, inclusive: false,
      parseDOM: [{ tag: 'a[href]', getAttrs: (dom) => ({ href: dom.getAttribute('href') }) }],
      toDOM: (mark) => ['a', { href: mark.attrs.href, rel: 'noopener' }, 0],
    },
    strong: { parseDOM: [{ tag: 'strong' }, { tag: 'b' }], toDOM: () => ['strong', 0] },
    em: { parseDOM: [{ tag: 'em' }, { tag: 'i' }], toDOM: () => ['em', 0] },
  },
});

export const blockNames = {
  paragraph: 'Paragraph', heading: 'Heading', quote: 'Quote', list: 'List', image: 'Picture', embed: 'Embed', divider: 'Divider', sources: 'Sources', kept: 'Block',
};
