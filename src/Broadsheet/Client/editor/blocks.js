// Converts between the editor's document and Broadsheet's block JSON (the same JSON the server validates).
import { schema } from './schema.js';

const empty = (value) => (value && String(value).trim() ? String(value).trim() : null);

/** The inline runs of a text block: {text, bold, italic, href}, adjacent runs with the same marks merged. */
export function runsOf(node) {
  const runs = [];
  node.forEach((child) => {
    if (!child.isText) return;
    const run = { text: child.text };
    for (const mark of child.marks) {
      if (mark.type === schema.marks.strong) run.bold = true;
      if (mark.type === schema.marks.em) run.italic = true;
      if (mark.type === schema.marks.link) run.href = mark.attrs.href;
    }
    const last = runs[runs.length - 1];
    if (last && !!last.bold === !!run.bold && !!last.italic === !!run.italic && last.href === run.href) last.text += run.text;
    else runs.push(run);
  });
  return runs;
}

export function blockOf(node) {
  switch (node.type.name) {
    case 'heading': return { type: 'heading', text: node.textContent, level: node.attrs.level };
    case 'quote': return { type: 'quote', content: runsOf(node.child(0)), attribution: empty(node.child(1).textContent), pull: node.attrs.pull };
    case 'list': {
      const items = [];
      node.forEach((item) => items.push(runsOf(item)));
      return { type: 'list', items, ordered: node.attrs.ordered };
    }
    case 'image': return { type: 'image', imageId: node.attrs.imageId || '00000000-0000-0000-0000-000000000000', caption: empty(node.attrs.caption), credit: empty(node.attrs.credit), alt: empty(node.attrs.alt) };
    case 'embed': return { type: 'embed', url: (node.attrs.url || '').trim(), title: empty(node.attrs.title), provider: empty(node.attrs.provider) };
    case 'divider': return { type: 'divider' };
    case 'sources': return { type: 'sources', items: node.attrs.items.filter((i) => i.title || i.url || i.note) };
    case 'kept': return node.attrs.block;
    default: return { type: 'paragraph', content: runsOf(node) };
  }
}

/** The article body as blocks. */
export const blocksOf = (doc) => {
  const blocks = [];
  doc.forEach((node) => blocks.push(blockOf(node)));
  return blocks;
};

const textOf = (runs) => (runs || []).filter((r) => r && r.text).map((run) => {
  const marks = [];
  if (run.bold) marks.push(schema.marks.strong.create());
  if (run.italic) marks.push(schema.marks.em.create());
  if (run.href) marks.push(schema.marks.link.create({ href: run.href }));
  return schema.text(run.text, marks);
});

export function nodeOf(block) {
  const n = schema.nodes;
  switch (block.type) {
    case 'heading': return n.heading.create({ level: block.level || 2 }, block.text ? schema.text(block.text) : null);
    case 'quote': return n.quote.create({ pull: !!block.pull }, [
      n.quote_text.create(null, textOf(block.content)),
      n.quote_by.create(null, block.attribution ? schema.text(block.attribution) : null)]);
    case 'list': return n.list.create({ ordered: !!block.ordered },
      (block.items && block.items.length ? block.items : [[]]).map((item) => n.list_item.create(null, textOf(item))));
    case 'image': return n.image.create({
      imageId: block.imageId && !/^0{8}-/.test(block.imageId) ? block.imageId : '', caption: block.caption || '', credit: block.credit || '', alt: block.alt || '', thumb: block.thumb || '',
    });
    case 'embed': return n.embed.create({ url: block.url || '', title: block.title || '', provider: block.provider || '' });
    case 'divider': return n.divider.create();
    case 'sources': return n.sources.create({ items: (block.items || []).map((i) => ({ title: i.title || '', url: i.url || '', note: i.note || null })) });
    case 'paragraph': case undefined: return n.paragraph.create(null, textOf(block.content));
    default: return n.kept.create({ block });
  }
}

export const docOf = (blocks) => schema.nodes.doc.create(null, (blocks.length ? blocks : [{ type: 'paragraph', content: [] }]).map(nodeOf));

/** Sources as the no-script form writes them, one a line: <code>Title | https://… | note</code>. */
export const sourceLines = (items) => items.map((i) => [i.title, i.url, i.note].filter((part, at) => at < 2 || part).join(' | ')).join('\n');

export const sourcesOf = (text) => text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean).map((line) => {
  // As the server reads the form's lines: the address is the part that starts with http(s)://, so a title may hold a bar.
  const parts = line.split('|').map((part) => part.trim());
  const at = parts.findIndex((part) => /^https?:\/\//i.test(part));
  if (at < 0) return { title: line, url: '', note: null };
  return { title: parts.slice(0, at).join(' | '), url: parts[at], note: parts.slice(at + 1).join(' | ') || null };
});

/** A new empty block of a kind the insert menu offers. */
export function blankOf(kind) {
  switch (kind) {
    case 'numbered': return nodeOf({ type: 'list', items: [[]], ordered: true });
    case 'heading3': return nodeOf({ type: 'heading', level: 3 });
    default: return nodeOf({ type: kind });
  }
}

/** Plain words in the body, for the live count (paragraphs, headings, quotes, lists, captions). */
export function wordsOf(doc) {
  let text = '';
  doc.descendants((node) => {
    if (node.isText) text += node.text;
    else if (node.isBlock) text += ' ';
    if (node.type.name === 'image') text += ' ' + (node.attrs.caption || '');
    return true;
  });
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’\-]*/gu);
  return words ? words.length : 0;
}
