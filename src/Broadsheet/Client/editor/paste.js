// Cleans HTML pasted from Google Docs, Word and web pages into Broadsheet blocks: only paragraphs, headings,
// quotes, lists and dividers survive, with bold, italic and web links; styles, classes, fonts and images do not.

const skipped = new Set(['script', 'style', 'meta', 'title', 'head', 'link', 'img', 'svg', 'picture', 'video', 'audio', 'iframe', 'object', 'button', 'input', 'select', 'textarea', 'o:p', 'template', 'noscript']);
const boxes = new Set(['p', 'div', 'section', 'article', 'header', 'footer', 'main', 'aside', 'figure', 'figcaption', 'table', 'tbody', 'thead', 'tr', 'td', 'th', 'dl', 'dt', 'dd', 'pre', 'address', 'center', 'body', 'html']);

const styleOf = (el, name) => {
  const match = new RegExp('(?:^|;)\\s*' + name + '\\s*:\\s*([^;]+)', 'i').exec(el.getAttribute('data-pasted-style') || '');
  return match ? match[1].trim().toLowerCase() : null;
};

function marksFor(el, marks) {
  const tag = el.localName;
  const next = { ...marks };
  const weight = styleOf(el, 'font-weight');
  if (weight) next.bold = weight === 'bold' || weight === 'bolder' || Number(weight) >= 600;
  else if (tag === 'b' || tag === 'strong') next.bold = true;
  const fontStyle = styleOf(el, 'font-style');
  if (fontStyle) next.italic = fontStyle === 'italic' || fontStyle === 'oblique';
  else if (tag === 'i' || tag === 'em') next.italic = true;
  if (tag === 'a') {
    const href = (el.getAttribute('href') || '').trim();
    if (/^(https?:|mailto:)/i.test(href)) next.href = href;
  }
  return next;
}

/** Runs with whitespace collapsed, ends trimmed, neighbours with the same marks merged, empties dropped. */
export function tidy(runs) {
  const out = [];
  for (const run of runs) {
    const text = run.text.replace(/[\s\u00a0]+/g, ' ');
    if (!text) continue;
    const last = out[out.length - 1];
    if (last && !!last.bold === !!run.bold && !!last.italic === !!run.italic && last.href === run.href) {
      last.text += text;
    } else {
      const clean = { text };
      if (run.bold) clean.bold = true;
      if (run.italic) clean.italic = true;
      if (run.href) clean.href = run.href;
      out.push(clean);
    }
  }
  for (let i = 0; i < out.length; i++) out[i].text = out[i].text.replace(/ {2,}/g, ' ');
  if (out.length) {
    out[0].text = out[0].text.replace(/^ +/, '');
    out[out.length - 1].text = out[out.length - 1].text.replace(/ +$/, '');
  }
  // A space between two runs belongs to neither's marks.
  return out.filter((run) => run.text.length > 0);
}

function inlineRuns(node, marks, runs = []) {
  for (const child of node.childNodes) {
    if (child.nodeType === 3) runs.push({ text: child.nodeValue, ...marks });
    else if (child.nodeType === 1) {
      const tag = child.localName;
      if (skipped.has(tag) || styleOf(child, 'mso-list') === 'ignore') continue;
      if (tag === 'br') { runs.push({ text: ' ' }); continue; }
      if (tag === 'ul' || tag === 'ol') continue;
      inlineRuns(child, marksFor(child, marks), runs);
    }
  }
  return runs;
}

const plain = (runs) => tidy(runs).map((r) => r.text).join('');

/** The blocks a pasted HTML fragment holds. */
export function blocksFromHtml(html) {
  // Style attributes are renamed before parsing: the page's CSP forbids inline styles, and parsing them reports a
  // violation even in a document that is never shown. Only their text is read.
  const renamed = html.replace(/(<[^>]*?\s)style\s*=\s*("([^"]*)"|'([^']*)')/gi,
    (all, start, quoted, double, single) => start + 'data-pasted-style="' + (double ?? single ?? '').replace(/"/g, '&quot;') + '"');
  const doc = new DOMParser().parseFromString(renamed, 'text/html');
  const blocks = [];
  let runs = [];
  let wordList = null;
  const push = (block) => { wordList = null; blocks.push(block); };
  const flush = () => {
    const content = tidy(runs);
    runs = [];
    if (content.length) push({ type: 'paragraph', content });
  };
  const listItems = (list, marks, items) => {
    for (const li of list.children) {
      if (li.localName === 'li') {
        const item = tidy(inlineRuns(li, marksFor(li, marks)));
        if (item.length) items.push(item);
        for (const nested of li.children) if (nested.localName === 'ul' || nested.localName === 'ol') listItems(nested, marks, items);
      } else if (li.localName === 'ul' || li.localName === 'ol') listItems(li, marks, items);
    }
    return items;
  };
  const visit = (node, marks) => {
    if (node.nodeType === 3) { runs.push({ text: node.nodeValue, ...marks }); return; }
    if (node.nodeType !== 1) return;
    const el = node;
    const tag = el.localName;
    if (skipped.has(tag) || styleOf(el, 'mso-list') === 'ignore') return;
    const m = marksFor(el, marks);
    const heading = /^h([1-6])$/.exec(tag);
    if (heading) {
      flush();
      const text = plain(inlineRuns(el, {}));
      if (text) push({ type: 'heading', level: Math.min(4, Math.max(2, Number(heading[1]) === 1 ? 2 : Number(heading[1]))), text });
      return;
    }
    if (tag === 'ul' || tag === 'ol') {
      flush();
      const items = listItems(el, m, []);
      if (items.length) push({ type: 'list', ordered: tag === 'ol', items });
      return;
    }
    if (tag === 'blockquote') {
      flush();
      const content = tidy(inlineRuns(el, m));
      if (content.length) push({ type: 'quote', content, attribution: null, pull: false });
      return;
    }
    if (tag === 'hr') { flush(); push({ type: 'divider' }); return; }
    if (tag === 'br') { flush(); return; }
    // Word writes list items as paragraphs styled "mso-list", with the bullet in a span marked to be ignored.
    if (tag === 'p' && styleOf(el, 'mso-list')) {
      flush();
      const bullet = el.querySelector('[style*="mso-list"]');
      const item = tidy(inlineRuns(el, m));
      if (item.length) {
        if (!wordList) {
          wordList = { type: 'list', ordered: /[0-9a-z]\./i.test(bullet ? bullet.textContent : ''), items: [] };
          blocks.push(wordList);
        }
        wordList.items.push(item);
      }
      return;
    }
    if (boxes.has(tag) || tag === 'li') {
      flush();
      for (const child of el.childNodes) visit(child, m);
      flush();
      return;
    }
    for (const child of el.childNodes) visit(child, m);
  };
  for (const child of doc.body.childNodes) visit(child, {});
  flush();
  return blocks;
}

/** Blocks from plain text: one paragraph a blank-line-separated part. */
export const blocksFromText = (text) => text.split(/\r?\n\s*\r?\n|\r?\n/).map((part) => tidy([{ text: part }])).filter((c) => c.length).map((content) => ({ type: 'paragraph', content }));
