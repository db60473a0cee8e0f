// The newsroom's block editor. It replaces the body fieldset of the editor form when this script loads; without
// it the form works as plain HTML. The document is Broadsheet's typed blocks; every save sends them as JSON in
// Form.BodyJson, through the same writer and validation as the form and the admin API.
import { EditorState, TextSelection, NodeSelection, Plugin } from 'prosemirror-state';
import { EditorView, Decoration, DecorationSet } from 'prosemirror-view';
import { Slice, Fragment } from 'prosemirror-model';
import { baseKeymap, toggleMark, chainCommands, exitCode, setBlockType } from 'prosemirror-commands';
import { history, undo, redo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { dropCursor } from 'prosemirror-dropcursor';
import { gapCursor } from 'prosemirror-gapcursor';
import { schema, blockNames } from './schema.js';
import { blocksOf, docOf, nodeOf, blankOf, wordsOf } from './blocks.js';
import { blocksFromHtml, blocksFromText } from './paste.js';
import { ImageView, EmbedView, SourcesView, KeptView, pendingFiles } from './views.js';
import { createPicker } from './picker.js';
import { createPublishing } from './publishing.js';

const form = document.getElementById('editor-form');
const mount = document.getElementById('block-editor');
const data = document.getElementById('editor-blocks');
if (form && mount && data && !form.querySelector('fieldset[disabled]')) start();

function start() {
  const initial = JSON.parse(data.textContent);
  const oldList = form.querySelector('#blocks');
  const bodyField = document.createElement('input');
  bodyField.type = 'hidden';
  bodyField.name = 'Form.BodyJson';
  const live = document.createElement('p');
  live.className = 'visually-hidden';
  live.setAttribute('aria-live', 'assertive');
  live.id = 'editor-announcer';
  const announce = (text) => { live.textContent = ''; setTimeout(() => { live.textContent = text; }, 30); };
  const token = () => form.querySelector('input[name="__RequestVerificationToken"]')?.value || '';

  const picker = createPicker({ token });
  const upload = async (pending) => {
    const body = new FormData();
    body.append('file', pending.file, pending.file.name || 'pasted.png');
    body.append('alt', pending.alt || '');
    body.append('credit', pending.credit || '');
    try {
      const response = await fetch(mount.dataset.upload, { method: 'POST', body, headers: { RequestVerificationToken: token(), Accept: 'application/json' }, credentials: 'same-origin' });
      const json = await response.json().catch(() => ({}));
      if (response.ok) return { image: json };
      const errors = json.errors || {};
      const fieldName = Object.keys(errors)[0];
      return { field: fieldName, message: fieldName ? errors[fieldName][0] : (json.title || 'The picture could not be uploaded.') };
    } catch {
      return { message: 'Offline: the picture is kept here; upload it when the connection returns.' };
    }
  };
  const hooks = { upload, pick: (done) => picker.open(done), announce };

  // Pictures dropped or pasted become picture blocks waiting for their alt text; the file stays here meanwhile.
  const imageFiles = (list) => [...(list || [])].filter((f) => /^image\/(jpeg|png|webp|gif)$/.test(f.type));
  const insertFiles = (view, files, pos) => {
    const nodes = files.map((file) => {
      const key = 'upload-' + Math.random().toString(36).slice(2);
      // A data: URL, not a blob: one: the page's CSP allows images from 'self' and data: only.
      const pending = { file, url: '', alt: '', credit: '' };
      pending.ready = new Promise((done) => {
        const reader = new FileReader();
        reader.onload = () => { pending.url = String(reader.result); done(); };
        reader.onerror = () => done();
        reader.readAsDataURL(file);
      });
      pendingFiles.set(key, pending);
      return schema.nodes.image.create({ upload: key });
    });
    const at = pos ?? blockEnd(view.state);
    view.dispatch(view.state.tr.insert(at, Fragment.from(nodes)).scrollIntoView());
    announce(files.length === 1 ? 'Picture added: type its alt text, then upload it.' : files.length + ' pictures added: type their alt text, then upload them.');
    setTimeout(() => focusField(view, indexAt(view.state.doc, at), 'alt'), 0);
  };

  // The top-level block the selection is in, with its position.
  const currentIndex = (state) => {
    const { $from } = state.selection;
    if (state.selection instanceof NodeSelection && $from.depth === 0) return $from.index(0);
    return $from.index(0);
  };
  const posOf = (doc, index) => { let pos = 0; for (let i = 0; i < index; i++) pos += doc.child(i).nodeSize; return pos; };
  const indexAt = (doc, pos) => { let at = 0; let i = 0; while (i < doc.childCount && at + doc.child(i).nodeSize <= pos) { at += doc.child(i).nodeSize; i++; } return Math.min(i, doc.childCount - 1); };
  const blockEnd = (state) => { const i = currentIndex(state); return posOf(state.doc, i) + state.doc.child(i).nodeSize; };
  const selectInside = (tr, pos) => {
    const node = tr.doc.nodeAt(pos);
    if (node.isAtom) return tr.setSelection(NodeSelection.create(tr.doc, pos));
    return tr.setSelection(TextSelection.near(tr.doc.resolve(pos + 1)));
  };

  const move = (delta) => (state, dispatch) => {
    const index = currentIndex(state);
    const target = index + delta;
    if (target < 0 || target >= state.doc.childCount) {
      announce(delta < 0 ? 'Already the first block.' : 'Already the last block.');
      return true;
    }
    if (dispatch) dispatch(moveTr(state, index, target));
    return true;
  };
  const moveTr = (state, index, target) => {
    const node = state.doc.child(index);
    const from = posOf(state.doc, index);
    let tr = state.tr.delete(from, from + node.nodeSize);
    const to = posOf(tr.doc, target);
    tr = tr.insert(to, node);
    selectInside(tr, to).scrollIntoView();
    announce(blockNames[node.type.name] + ' moved to position ' + (target + 1) + ' of ' + state.doc.childCount + '.');
    return tr;
  };

  // Enter: in an empty list item leaves the list; in a quote goes from the text to the attribution, then out.
  const enterSpecial = (state, dispatch) => {
    const { $from, empty } = state.selection;
    if (!empty) return false;
    const parent = $from.parent;
    if (parent.type === schema.nodes.list_item && parent.content.size === 0) {
      const list = $from.node(1);
      const listPos = $from.before(1);
      const itemIndex = $from.index(1);
      if (!dispatch) return true;
      let tr = state.tr;
      const paragraph = schema.nodes.paragraph.create();
      if (list.childCount === 1) {
        tr = tr.replaceWith(listPos, listPos + list.nodeSize, paragraph);
        tr.setSelection(TextSelection.create(tr.doc, listPos + 1));
      } else {
        const itemStart = $from.before(2);
        tr = tr.delete(itemStart, itemStart + parent.nodeSize);
        const after = tr.mapping.map(listPos + list.nodeSize);
        if (itemIndex === list.childCount - 1) {
          tr = tr.insert(after, paragraph);
          tr.setSelection(TextSelection.create(tr.doc, after + 1));
        }
      }
      dispatch(tr.scrollIntoView());
      return true;
    }
    if (parent.type === schema.nodes.quote_text) {
      if (dispatch) dispatch(state.tr.setSelection(TextSelection.create(state.doc, $from.after() + 1)).scrollIntoView());
      return true;
    }
    if (parent.type === schema.nodes.quote_by) {
      const after = $from.after(1);
      if (dispatch) {
        const tr = state.tr.insert(after, schema.nodes.paragraph.create());
        dispatch(tr.setSelection(TextSelection.create(tr.doc, after + 1)).scrollIntoView());
      }
      return true;
    }
    return false;
  };

  const insertBlock = (view, kind, at) => {
    const { state } = view;
    const node = blankOf(kind);
    let tr = state.tr;
    let pos = at;
    if (pos === undefined) {
      // From the "/" menu: an empty paragraph becomes the new block; otherwise it goes after the current block.
      const index = currentIndex(state);
      const current = state.doc.child(index);
      pos = posOf(state.doc, index);
      if (current.type === schema.nodes.paragraph && current.content.size === 0) tr = tr.replaceWith(pos, pos + current.nodeSize, node);
      else { pos += current.nodeSize; tr = tr.insert(pos, node); }
    } else {
      tr = tr.insert(pos, node);
    }
    selectInside(tr, pos);
    view.dispatch(tr.scrollIntoView());
    announce(blockNames[node.type.name] + ' inserted as block ' + (indexAt(view.state.doc, pos) + 1) + ' of ' + view.state.doc.childCount + '.');
    if (node.isAtom) setTimeout(() => focusField(view, indexAt(view.state.doc, pos), node.type === schema.nodes.image ? 'imageId' : 'url'), 0);
    else view.focus();
  };

  const link = (state, dispatch) => {
    if (state.selection.empty) { announce('Select the words to link first.'); return true; }
    const existing = state.doc.rangeHasMark(state.selection.from, state.selection.to, schema.marks.link);
    if (existing) return toggleMark(schema.marks.link)(state, dispatch);
    const href = window.prompt('Link address (https://…)', 'https://');
    if (!href || !/^(https?:\/\/|mailto:)/i.test(href.trim())) return true;
    return toggleMark(schema.marks.link, { href: href.trim() })(state, dispatch);
  };

  // The insert menu, opened by "/" in an empty paragraph, by a "+" between blocks or by the toolbar.
  const menu = document.createElement('div');
  menu.className = 'insert-menu';
  menu.setAttribute('role', 'menu');
  menu.setAttribute('aria-label', 'Insert a block');
  menu.hidden = true;
  const kinds = [['paragraph', 'Paragraph'], ['heading', 'Heading'], ['heading3', 'Subheading'], ['quote', 'Quote'], ['list', 'Bulleted list'], ['numbered', 'Numbered list'], ['image', 'Picture'], ['embed', 'Embed a post or video'], ['sources', 'Sources'], ['divider', 'Divider']];
  let menuAt;
  for (const [kind, label] of kinds) {
    const item = document.createElement('button');
    item.type = 'button';
    item.setAttribute('role', 'menuitem');
    item.tabIndex = -1;
    item.textContent = label;
    item.dataset.kind = kind;
    item.addEventListener('click', () => { closeMenu(false); insertBlock(view, kind, menuAt); });
    menu.append(item);
  }
  const items = () => [...menu.querySelectorAll('[role=menuitem]')];
  menu.addEventListener('keydown', (event) => {
    const list = items();
    const i = list.indexOf(document.activeElement);
    if (event.key === 'ArrowDown') { list[(i + 1) % list.length].focus(); event.preventDefault(); }
    else if (event.key === 'ArrowUp') { list[(i - 1 + list.length) % list.length].focus(); event.preventDefault(); }
    else if (event.key === 'Home') { list[0].focus(); event.preventDefault(); }
    else if (event.key === 'End') { list[list.length - 1].focus(); event.preventDefault(); }
    else if (event.key === 'Escape' || event.key === 'Tab') { closeMenu(true); event.preventDefault(); }
    else if (event.key.length === 1) {
      const next = list.find((b) => b.textContent.toLowerCase().startsWith(event.key.toLowerCase()));
      if (next) next.focus();
    }
  });
  const openMenu = (at, anchor) => {
    menuAt = at;
    menu.hidden = false;
    const box = anchor.getBoundingClientRect();
    const host = mount.getBoundingClientRect();
    menu.style.top = (box.bottom - host.top + 4) + 'px';
    items()[0].focus();
  };
  function closeMenu(refocus) {
    menu.hidden = true;
    if (refocus) view.focus();
  }

  // "+" between blocks (for the mouse; the keyboard has "/" and the toolbar) and a handle to drag each block.
  let dragging = null;
  const gutter = new Plugin({
    props: {
      decorations(state) {
        const decorations = [];
        let pos = 0;
        state.doc.forEach((node, offset, index) => {
          pos = offset;
          decorations.push(Decoration.widget(pos, () => {
            const bar = document.createElement('span');
            bar.className = 'block-gutter';
            const plus = document.createElement('button');
            plus.type = 'button';
            plus.className = 'insert-here';
            plus.tabIndex = -1;
            plus.textContent = '+';
            plus.setAttribute('aria-label', 'Insert a block before block ' + (index + 1));
            plus.addEventListener('click', () => openMenu(posOf(view.state.doc, index), plus));
            const handle = document.createElement('span');
            handle.className = 'drag-block';
            handle.draggable = true;
            handle.textContent = '⠿';
            handle.title = 'Drag to move this block (or Alt+Shift+Up/Down)';
            handle.setAttribute('aria-hidden', 'true');
            handle.addEventListener('dragstart', (event) => {
              dragging = index;
              event.dataTransfer.effectAllowed = 'move';
              event.dataTransfer.setData('application/x-broadsheet-block', String(index));
            });
            handle.addEventListener('dragend', () => { dragging = null; });
            bar.append(plus, handle);
            return bar;
          }, { side: -1, key: 'gutter-' + index + '-' + node.type.name, stopEvent: () => true, ignoreSelection: true }));
        });
        return DecorationSet.create(state.doc, [...decorations, ...errorDecorations(state)]);
      },
      handleDOMEvents: {
        // Before ProseMirror's own paste, which would parse the clipboard's styled HTML against the page's CSP.
        paste(v, event) {
          const files = imageFiles(event.clipboardData?.files);
          const html = event.clipboardData?.getData('text/html');
          const text = event.clipboardData?.getData('text/plain');
          let handled = false;
          if (files.length) { insertFiles(v, files); handled = true; }
          else if (html) handled = pasteBlocks(v, blocksFromHtml(html));
          else if (text && /\n/.test(text)) handled = pasteBlocks(v, blocksFromText(text));
          if (handled) event.preventDefault();
          return handled;
        },
        dragover(v, event) {
          if (dragging === null) return false;
          event.preventDefault();
          return true;
        },
        drop(v, event) {
          const files = imageFiles(event.dataTransfer?.files);
          if (files.length) {
            event.preventDefault();
            const target = Math.min(targetIndex(v, event.clientY), v.state.doc.childCount);
            insertFiles(v, files, posOf(v.state.doc, target));
            return true;
          }
          if (dragging === null) return false;
          event.preventDefault();
          const target = targetIndex(v, event.clientY);
          const from = dragging;
          dragging = null;
          const to = target > from ? target - 1 : target;
          if (to !== from) v.dispatch(moveTr(v.state, from, Math.min(to, v.state.doc.childCount - 1)));
          return true;
        },
      },
    },
  });
  const targetIndex = (v, y) => {
    const children = [...v.dom.children].filter((el) => !el.classList.contains('block-gutter') && !el.classList.contains('block-error'));
    for (let i = 0; i < children.length; i++) {
      const box = children[i].getBoundingClientRect();
      if (y < box.top + box.height / 2) return i;
    }
    return children.length;
  };

  // Field errors from the server, shown under the block they name.
  let blockErrors = new Map();
  function errorDecorations(state) {
    const out = [];
    for (const [index, messages] of blockErrors) {
      if (index >= state.doc.childCount) continue;
      const pos = posOf(state.doc, index);
      const node = state.doc.child(index);
      out.push(Decoration.node(pos, pos + node.nodeSize, { class: 'has-error', 'aria-describedby': 'block-error-' + index, 'aria-invalid': 'true' }));
      out.push(Decoration.widget(pos + node.nodeSize, () => {
        const p = document.createElement('p');
        p.className = 'field-error block-error';
        p.id = 'block-error-' + index;
        p.textContent = 'Block ' + (index + 1) + ' (' + blockNames[node.type.name] + '): ' + messages.join(' ');
        return p;
      }, { side: -1, key: 'error-' + index + messages.join('|'), ignoreSelection: true }));
    }
    return out;
  }

  const pasteBlocks = (view, blocks) => {
    if (!blocks.length) return true;
    const nodes = blocks.map(nodeOf);
    const open = nodes.length === 1 && nodes[0].type === schema.nodes.paragraph ? 1 : 0;
    const { $from } = view.state.selection;
    const current = view.state.doc.child(currentIndex(view.state));
    if (open === 0 && current.type === schema.nodes.paragraph && current.content.size === 0) {
      // Pasted into an empty paragraph: the blocks take its place.
      const at = posOf(view.state.doc, currentIndex(view.state));
      view.dispatch(view.state.tr.replaceWith(at, at + current.nodeSize, nodes).scrollIntoView());
    } else if (open === 0 && $from.parent.type !== schema.nodes.paragraph) {
      view.dispatch(view.state.tr.insert(blockEnd(view.state), Fragment.from(nodes)).scrollIntoView());
    } else {
      view.dispatch(view.state.tr.replaceSelection(new Slice(Fragment.from(nodes), open, open)).scrollIntoView());
    }
    announce(blocks.length === 1 ? 'Pasted.' : 'Pasted as ' + blocks.length + ' blocks.');
    return true;
  };

  const view = new EditorView(mount, {
    state: EditorState.create({
      doc: docOf(initial.blocks.map((b) => (b.type === 'image' ? { ...b, thumb: (initial.thumbs || {})[b.imageId] } : b))),
      plugins: [
        keymap({
          'Mod-z': undo, 'Mod-y': redo, 'Shift-Mod-z': redo,
          'Mod-b': toggleMark(schema.marks.strong), 'Mod-i': toggleMark(schema.marks.em), 'Mod-k': link,
          'Alt-Shift-ArrowUp': move(-1), 'Alt-Shift-ArrowDown': move(1),
          Enter: enterSpecial,
          'Shift-Enter': chainCommands(exitCode, enterSpecial),
        }),
        keymap(baseKeymap),
        history(),
        dropCursor(),
        gapCursor(),
        gutter,
      ],
    }),
    nodeViews: {
      image: (node, v, getPos) => new ImageView(node, v, getPos, hooks),
      embed: (node, v, getPos) => new EmbedView(node, v, getPos),
      sources: (node, v, getPos) => new SourcesView(node, v, getPos),
      kept: (node, v, getPos) => new KeptView(node, v, getPos),
    },
    // No textbox role: the body holds fields and buttons of its own; the fieldset's legend names it.
    attributes: { class: 'pm-editor', 'aria-describedby': 'block-editor-help' },
    handleTextInput(v, from, to, text) {
      const { $from } = v.state.selection;
      if (text === '/' && $from.parent.type === schema.nodes.paragraph && $from.parent.content.size === 0) {
        openMenu(undefined, v.coordsAtPos(from) ? { getBoundingClientRect: () => { const c = v.coordsAtPos(from); return { bottom: c.bottom }; } } : mount);
        return true;
      }
      return false;
    },
    dispatchTransaction(tr) {
      const state = view.state.apply(tr);
      view.updateState(state);
      if (tr.docChanged) {
        if (blockErrors.size) { blockErrors = new Map(); view.dispatch(view.state.tr); }
        changed();
      }
      updateToolbar();
    },
  });

  // The toolbar: marks, block kinds, moving, inserting, undo and redo.
  const toolbar = document.createElement('div');
  toolbar.className = 'editor-toolbar';
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', 'Body formatting');
  toolbar.setAttribute('aria-controls', 'block-editor');
  const tools = [];
  const tool = (label, keys, run, active) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button-secondary';
    button.textContent = label;
    if (keys) button.setAttribute('aria-keyshortcuts', keys);
    button.title = keys ? label + ' (' + keys.replace('Control', 'Ctrl') + ')' : label;
    button.tabIndex = tools.length === 0 ? 0 : -1;
    button.addEventListener('mousedown', (e) => e.preventDefault());
    button.addEventListener('click', () => { run(button); if (button.dataset.keepFocus !== 'true') view.focus(); });
    tools.push({ button, active });
    toolbar.append(button);
    return button;
  };
  toolbar.addEventListener('keydown', (event) => {
    const list = tools.map((t) => t.button);
    const i = list.indexOf(document.activeElement);
    if (i < 0) return;
    let next = -1;
    if (event.key === 'ArrowRight') next = (i + 1) % list.length;
    if (event.key === 'ArrowLeft') next = (i - 1 + list.length) % list.length;
    if (event.key === 'Home') next = 0;
    if (event.key === 'End') next = list.length - 1;
    if (next >= 0) { list[i].tabIndex = -1; list[next].tabIndex = 0; list[next].focus(); event.preventDefault(); }
  });
  const cmd = (command) => () => command(view.state, view.dispatch, view);
  const markActive = (type) => (state) => {
    const { from, $from, to, empty } = state.selection;
    return empty ? !!type.isInSet(state.storedMarks || $from.marks()) : state.doc.rangeHasMark(from, to, type);
  };
  tool('Bold', 'Control+B', cmd(toggleMark(schema.marks.strong)), markActive(schema.marks.strong));
  tool('Italic', 'Control+I', cmd(toggleMark(schema.marks.em)), markActive(schema.marks.em));
  tool('Link', 'Control+K', cmd(link), markActive(schema.marks.link));
  tool('Heading', null, cmd(setBlockType(schema.nodes.heading, { level: 2 })), (s) => s.selection.$from.parent.type === schema.nodes.heading);
  tool('Paragraph', null, cmd(setBlockType(schema.nodes.paragraph)), (s) => s.selection.$from.parent.type === schema.nodes.paragraph);
  const insertButton = tool('Insert block', '/', (button) => { button.dataset.keepFocus = 'true'; openMenu(blockEnd(view.state), button); });
  const pictureButton = tool('Picture from library', null, () => picker.open((image) => {
    const at = blockEnd(view.state);
    view.dispatch(view.state.tr.insert(at, schema.nodes.image.create({ imageId: image.id, thumb: image.thumb })).scrollIntoView());
    announce('Picture inserted as block ' + (indexAt(view.state.doc, at) + 1) + '.');
    setTimeout(() => focusField(view, indexAt(view.state.doc, at), 'alt'), 0);
  }));
  tool('Move up', 'Alt+Shift+ArrowUp', cmd(move(-1)));
  tool('Move down', 'Alt+Shift+ArrowDown', cmd(move(1)));
  tool('Undo', 'Control+Z', cmd(undo));
  tool('Redo', 'Control+Y', cmd(redo));
  insertButton.dataset.keepFocus = 'true';
  pictureButton.dataset.keepFocus = 'true';
  function updateToolbar() {
    for (const { button, active } of tools) if (active) button.setAttribute('aria-pressed', String(active(view.state)));
  }

  const help = document.createElement('p');
  help.className = 'field-hint';
  help.id = 'block-editor-help';
  help.textContent = 'Type "/" in an empty paragraph to insert a heading, picture, quote or other block. Alt+Shift+Up and Down move the current block. Drop or paste a picture to upload it. Tab leaves the text.';
  mount.before(toolbar, help);
  mount.append(menu, live);
  mount.parentElement.append(bodyField);

  // The form's old block fields no longer post; the editor's JSON does.
  if (oldList) {
    oldList.querySelector('.block-list')?.remove();
    oldList.querySelector('.add-blocks')?.remove();
    oldList.querySelector(':scope > .field-hint')?.remove();
    oldList.querySelectorAll(':scope > .field-error, :scope > .field-validation-error').forEach((el) => el.remove());
  }
  mount.hidden = false;

  // Counts and the JSON the form posts, on every change.
  const counts = document.getElementById('editor-counts');
  const syncBody = () => { bodyField.value = JSON.stringify(blocksOf(view.state.doc)); };
  const recount = () => {
    if (!counts) return;
    const words = wordsOf(view.state.doc);
    let images = 0;
    view.state.doc.forEach((n) => { if (n.type === schema.nodes.image) images++; });
    let seconds = words * 60 / 238;
    for (let i = 0; i < images; i++) seconds += Math.max(3, 12 - i);
    const minutes = Math.max(1, Math.ceil(seconds / 60 - 1e-9));
    counts.querySelector('[data-words]').textContent = String(words);
    counts.querySelector('[data-minutes]').textContent = minutes === 1 ? '1 minute' : minutes + ' minutes';
  };
  function changed() {
    syncBody();
    recount();
    bodyField.dispatchEvent(new Event('input', { bubbles: true }));
  }
  syncBody();

  function focusField(v, index, fieldName) {
    const dom = v.nodeDOM(posOf(v.state.doc, index));
    const target = dom && dom.querySelector ? (dom.querySelector('[data-field="' + fieldName + '"]') || dom.querySelector('input, textarea, button')) : null;
    if (target) { target.focus(); return; }
    const tr = selectInside(v.state.tr, posOf(v.state.doc, index));
    v.dispatch(tr.scrollIntoView());
    v.focus();
  }

  const showBlockErrors = (errors) => {
    blockErrors = new Map();
    for (const [name, messages] of Object.entries(errors)) {
      const m = /^Form\.Blocks\[(\d+)\]/.exec(name);
      if (m) blockErrors.set(Number(m[1]), [...(blockErrors.get(Number(m[1])) || []), ...messages]);
    }
    view.dispatch(view.state.tr);
    return blockErrors;
  };
  const focusBlockError = (name) => {
    const m = /^Form\.Blocks\[(\d+)\]\.(\w+)/.exec(name);
    if (!m) return false;
    const field = m[2].charAt(0).toLowerCase() + m[2].slice(1);
    focusField(view, Number(m[1]), field === 'imageId' ? 'imageId' : field);
    return true;
  };

  // The hero picture is chosen with the same picker.
  const hero = form.querySelector('select[name="Form.HeroImageId"]');
  if (hero) {
    const choose = document.createElement('button');
    choose.type = 'button';
    choose.className = 'button-secondary';
    choose.textContent = 'Choose the hero picture from the library';
    choose.addEventListener('click', () => picker.open((image) => {
      if (![...hero.options].some((o) => o.value === image.id)) hero.add(new Option(image.alt.slice(0, 80), image.id));
      hero.value = image.id;
      hero.dispatchEvent(new Event('change', { bubbles: true }));
      let thumb = hero.closest('fieldset').querySelector('img.thumb');
      if (!thumb) { thumb = document.createElement('img'); thumb.className = 'thumb'; thumb.alt = ''; thumb.width = 160; hero.closest('.field, div').after(thumb); }
      thumb.src = image.thumb;
      choose.focus();
      announce('Hero picture chosen: ' + image.alt);
    }));
    (hero.closest('.field') || hero).after(choose);
  }

  createPublishing({ form, view, token, announce, showBlockErrors, focusBlockError, hooks });
}
