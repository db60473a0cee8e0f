// Node views for the blocks that are fields rather than text: pictures and embeds. Their inputs edit the node's
// attributes (so undo and autosave see them); a picture still being uploaded keeps its file here while the
// writer types the alt text.
import { NodeSelection } from 'prosemirror-state';
import { sourceLines, sourcesOf } from './blocks.js';

let counter = 0;
export const pendingFiles = new Map();

function field(container, labelText, value, onInput, attrs = {}) {
  const id = 'pm-field-' + (++counter);
  const wrap = document.createElement('div');
  wrap.className = 'field';
  const label = document.createElement('label');
  label.htmlFor = id;
  label.textContent = labelText;
  const input = document.createElement(attrs.rows ? 'textarea' : 'input');
  input.id = id;
  if (attrs.rows) input.rows = attrs.rows;
  else input.type = attrs.type || 'text';
  input.value = value || '';
  if (attrs.field) input.dataset.field = attrs.field;
  input.addEventListener('input', () => onInput(input.value));
  wrap.append(label, input);
  container.append(wrap);
  return input;
}

class FieldsView {
  constructor(node, view, getPos, kind) {
    this.node = node;
    this.view = view;
    this.getPos = getPos;
    this.dom = document.createElement('div');
    this.dom.className = 'pm-block pm-' + kind;
    this.dom.contentEditable = 'false';
    this.inputs = {};
  }

  /** The block's name above its fields. */
  heading(text) {
    const head = document.createElement('p');
    head.className = 'pm-block-label';
    head.textContent = text;
    this.dom.append(head);
  }

  set(name, value) {
    const pos = this.getPos();
    if (pos === undefined) return;
    const node = this.view.state.doc.nodeAt(pos);
    this.view.dispatch(this.view.state.tr.setNodeMarkup(pos, null, { ...node.attrs, [name]: value }));
  }

  stopEvent(event) { return event.target !== this.dom && this.dom.contains(event.target) && event.type !== 'dragstart'; }

  ignoreMutation() { return true; }

  selectNode() { this.dom.classList.add('selected'); }

  deselectNode() { this.dom.classList.remove('selected'); }

  update(node) {
    if (node.type !== this.node.type) return false;
    const old = this.node;
    this.node = node;
    if (this.rebuildOn && this.rebuildOn.some((name) => old.attrs[name] !== node.attrs[name])) { this.render(); return true; }
    for (const [name, input] of Object.entries(this.inputs)) {
      if (document.activeElement !== input && input.value !== (node.attrs[name] || '')) input.value = node.attrs[name] || '';
    }
    return true;
  }
}

export class ImageView extends FieldsView {
  constructor(node, view, getPos, hooks) {
    super(node, view, getPos, 'image');
    this.hooks = hooks;
    this.rebuildOn = ['imageId', 'thumb', 'upload'];
    this.render();
  }

  render() {
    const { node } = this;
    this.dom.replaceChildren();
    this.inputs = {};
    this.heading('Picture');
    const pending = node.attrs.upload && pendingFiles.get(node.attrs.upload);
    if (pending) {
      const img = document.createElement('img');
      if (pending.url) img.src = pending.url;
      else pending.ready.then(() => { img.src = pending.url; });
      img.alt = '';
      img.className = 'thumb';
      const hint = document.createElement('p');
      hint.className = 'field-hint';
      hint.textContent = 'Not uploaded yet: describe the picture for readers who cannot see it, then upload it to the library.';
      this.dom.append(img, hint);
      const alt = field(this.dom, 'Alt text (required)', pending.alt, (v) => { pending.alt = v; }, { field: 'alt' });
      const credit = field(this.dom, 'Credit', pending.credit, (v) => { pending.credit = v; }, { field: 'credit' });
      const error = document.createElement('p');
      error.className = 'field-error';
      error.id = alt.id + '-error';
      error.hidden = true;
      const upload = document.createElement('button');
      upload.type = 'button';
      upload.textContent = 'Upload picture';
      upload.addEventListener('click', async () => {
        upload.disabled = true;
        const result = await this.hooks.upload(pending);
        upload.disabled = false;
        if (result.image) {
          const pos = this.getPos();
          pendingFiles.delete(node.attrs.upload);
          this.view.dispatch(this.view.state.tr.setNodeMarkup(pos, null, { ...this.node.attrs, imageId: result.image.id, thumb: result.image.thumb, upload: null }));
          this.hooks.announce('Picture uploaded to the library.');
          this.dom.querySelector('[data-field="imageId"]')?.focus();
        } else {
          error.hidden = false;
          error.textContent = result.message;
          const target = result.field === 'credit' ? credit : alt;
          target.setAttribute('aria-invalid', 'true');
          target.setAttribute('aria-describedby', error.id);
          target.focus();
        }
      });
      this.dom.append(error, upload);
      return;
    }
    if (node.attrs.imageId) {
      const img = document.createElement('img');
      img.className = 'thumb';
      img.alt = '';
      img.src = node.attrs.thumb || '/newsroom/images/' + node.attrs.imageId + '/thumbnail';
      this.dom.append(img);
    }
    const choose = document.createElement('button');
    choose.type = 'button';
    choose.className = 'button-secondary';
    choose.dataset.field = 'imageId';
    choose.textContent = node.attrs.imageId ? 'Change picture' : 'Choose a picture';
    choose.addEventListener('click', () => this.hooks.pick((image) => {
      this.view.dispatch(this.view.state.tr.setNodeMarkup(this.getPos(), null, { ...this.node.attrs, imageId: image.id, thumb: image.thumb }));
    }));
    this.dom.append(choose);
    this.inputs.caption = field(this.dom, 'Caption', node.attrs.caption, (v) => this.set('caption', v), { field: 'caption' });
    this.inputs.credit = field(this.dom, 'Credit', node.attrs.credit, (v) => this.set('credit', v), { field: 'credit' });
    this.inputs.alt = field(this.dom, 'Alt text for this use', node.attrs.alt, (v) => this.set('alt', v), { field: 'alt' });
  }
}

export class EmbedView extends FieldsView {
  constructor(node, view, getPos) {
    super(node, view, getPos, 'embed');
    this.heading('Embed (shown to readers as a link card)');
    this.inputs.url = field(this.dom, 'Link to the post or video', node.attrs.url, (v) => this.set('url', v), { type: 'url', field: 'url' });
    this.inputs.title = field(this.dom, 'Title', node.attrs.title, (v) => this.set('title', v), { field: 'title' });
    this.inputs.provider = field(this.dom, 'Provider', node.attrs.provider, (v) => this.set('provider', v), { field: 'provider' });
  }
}

export class SourcesView extends FieldsView {
  constructor(node, view, getPos) {
    super(node, view, getPos, 'sources');
    this.heading('Sources (listed under the article and given to search engines as citations)');
    this.area = field(this.dom, 'One source a line: Title | https://address | note (optional)', sourceLines(node.attrs.items),
      (v) => this.set('items', sourcesOf(v)), { rows: 4, field: 'items' });
  }

  update(node) {
    if (node.type !== this.node.type) return false;
    this.node = node;
    if (document.activeElement !== this.area) this.area.value = sourceLines(node.attrs.items);
    return true;
  }
}

export class KeptView extends FieldsView {
  constructor(node, view, getPos) {
    super(node, view, getPos, 'kept');
    this.heading(`A ${(node.attrs.block && node.attrs.block.type) || 'block'} block: this editor keeps it as it is; move or delete it here, edit it in the form without script.`);
  }
}

export const selectBlock = (view, pos) => view.dispatch(view.state.tr.setSelection(NodeSelection.create(view.state.doc, pos)));
