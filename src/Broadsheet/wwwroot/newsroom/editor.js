// The article editor's enhancements. The form works without this script: every button posts the whole form.
// With it: autosave (to the server every few seconds, and to this browser at once, so a lost connection or an
// expired session loses nothing), drag-and-drop reordering, bold/italic/link buttons and a live preview.
(() => {
  'use strict';
  const form = document.getElementById('editor-form');
  if (!form || form.querySelector('fieldset[disabled]')) return;

  let storageKey = 'broadsheet:editor:' + form.dataset.article;
  const stateLine = document.getElementById('autosave-state');
  const autosaveInterval = 4000;
  let changedAt = 0;
  let savedAt = 0;
  let saving = false;
  // While the block editor saves by fetch, no autosave starts, and the one on its way is waited for (publishing.js).
  let holding = false;
  let inFlight = null;

  const say = (text) => { if (stateLine) stateLine.textContent = text; };
  // Times read in the publication's zone, as every newsroom page shows them (PublicationTime.Format on the server).
  const zone = form.dataset.zone || 'UTC';
  const clock = (date) => {
    try {
      return date.toLocaleTimeString('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }) + ' ' + zone;
    } catch {
      return date.toISOString().slice(11, 19) + ' UTC';
    }
  };

  // What the user typed, without the antiforgery token or a button's command.
  const entries = () => {
    const data = new FormData(form);
    data.delete('__RequestVerificationToken');
    data.delete('command');
    return [...data.entries()].filter(([, v]) => typeof v === 'string');
  };
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

  const readStash = () => {
    try { return JSON.parse(localStorage.getItem(storageKey) || 'null'); } catch { return null; }
  };
  const writeStash = (extra) => {
    try {
      localStorage.setItem(storageKey, JSON.stringify({ at: Date.now(), version: Number(form.dataset.version), entries: entries(), ...extra }));
    } catch { /* storage full or disabled: the server autosave still runs */ }
  };
  const clearStash = () => { try { localStorage.removeItem(storageKey); } catch { /* ignore */ } };

  const token = () => form.querySelector('input[name="__RequestVerificationToken"]')?.value || '';

  // Posts form entries to the autosave endpoint. Resolves to 'saved', 'signed-out' or 'offline'.
  const postAutosave = async (pairs) => {
    const body = new FormData();
    for (const [k, v] of pairs) body.append(k, v);
    body.append('__RequestVerificationToken', token());
    try {
      const response = await fetch(form.dataset.autosave, { method: 'POST', body, credentials: 'same-origin', redirect: 'manual', headers: { Accept: 'application/json' } });
      if (response.type === 'opaqueredirect' || response.status === 401 || response.status === 403 || response.status === 400) return 'signed-out';
      if (!response.ok) return 'offline';
      const json = await response.json();
      return { saved: json.display };
    } catch {
      return 'offline';
    }
  };

  const autosave = async () => {
    if (saving || holding || changedAt <= savedAt) return;
    saving = true;
    const started = Date.now();
    inFlight = postAutosave(entries());
    const result = await inFlight;
    inFlight = null;
    saving = false;
    if (result === 'signed-out') {
      say('You have been signed out. Your text is kept in this browser: sign in again in another tab, then come back here.');
    } else if (result === 'offline') {
      say('Offline: your text is kept in this browser and will be saved when the connection returns.');
    } else {
      savedAt = started;
      // The server holds this text now and offers it back itself: this browser's copy would only repeat it.
      if (changedAt <= started) clearStash();
      say('Draft autosaved at ' + result.saved + '.');
    }
  };

  const changed = () => {
    changedAt = Date.now();
    writeStash();
    schedulePreview();
  };
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  setInterval(autosave, autosaveInterval);
  window.addEventListener('online', autosave);
  form.addEventListener('submit', () => writeStash({ submitted: true }));
  form.addEventListener('broadsheet:saving', (event) => {
    holding = true;
    if (inFlight) event.detail.waitFor.push(inFlight);
  });
  form.addEventListener('broadsheet:settled', () => { holding = false; });
  // The block editor saved without a page load: this browser's copy is no longer needed, and a new article has its id.
  form.addEventListener('broadsheet:saved', () => {
    clearStash();
    storageKey = 'broadsheet:editor:' + form.dataset.article;
    clearStash();
    savedAt = Date.now();
  });

  // On load: forget what this page already shows, or offer back what only this browser has. A page that answers the
  // form's own post (an error, a conflict, a rearranged form) shows the text posted, so nothing is lost then either.
  // Whether the article changed since is told by versions, never by comparing this browser's clock with the server's:
  // a clock a few minutes slow would make text typed after the last save look older than it, and drop it unseen.
  const stash = readStash();
  if (stash) {
    const justSaved = form.dataset.justSaved === 'true';
    const posted = form.dataset.posted === 'true';
    const version = Number(form.dataset.version);
    if (same(stash.entries, entries()) || (stash.submitted && (justSaved || posted))) {
      clearStash();
    } else {
      const notice = document.createElement('div');
      notice.className = 'notice';
      notice.setAttribute('role', 'alert');
      const text = document.createElement('p');
      text.textContent = 'This browser kept text you had not saved (' + clock(new Date(stash.at)) + '), for example when the connection or your session was lost.'
        + (stash.version < version
          ? ' It was written on version ' + stash.version + ' and the article has been saved since (now version ' + version + '): saving it will show you both versions to merge.'
          : '');
      const restore = document.createElement('button');
      restore.type = 'button';
      restore.textContent = 'Restore that text';
      const discard = document.createElement('button');
      discard.type = 'button';
      discard.className = 'button-secondary';
      discard.textContent = 'Discard it';
      const buttons = document.createElement('div');
      buttons.className = 'actions';
      buttons.append(restore, discard);
      notice.append(text, buttons);
      form.before(notice);
      restore.addEventListener('click', async () => {
        // The server keeps it as this user's autosave and shows it on reload, whatever the form's shape.
        const result = await postAutosave(stash.entries);
        if (typeof result === 'object') {
          clearStash();
          window.location.reload();
        } else {
          text.textContent = result === 'signed-out' ? 'Sign in again (in another tab), then restore.' : 'Still offline: try again when connected.';
        }
      });
      discard.addEventListener('click', () => { clearStash(); notice.remove(); });
    }
  }

  // Live preview and counts, from the server's own rendering of the unsaved form.
  const preview = document.getElementById('live-preview');
  const frame = document.getElementById('live-preview-frame');
  const counts = document.getElementById('editor-counts');
  let previewTimer = 0;
  const refreshPreview = async () => {
    const body = new FormData(form);
    body.delete('command');
    try {
      const response = await fetch(form.dataset.preview, { method: 'POST', body, credentials: 'same-origin', redirect: 'manual' });
      if (!response.ok) return;
      const html = await response.text();
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const article = doc.querySelector('article[data-words]');
      if (article && counts) {
        counts.querySelector('[data-words]').textContent = article.dataset.words;
        counts.querySelector('[data-minutes]').textContent = article.dataset.minutes;
      }
      if (preview && !preview.hidden && frame) frame.srcdoc = html;
    } catch { /* offline: the counts wait for the next change */ }
  };
  function schedulePreview() {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(refreshPreview, 1200);
  }
  const actions = form.querySelector('.editor-actions');
  if (preview && actions) {
    const toggle = document.createElement('button');
    toggle.type = 'button';
    toggle.className = 'button-secondary';
    toggle.setAttribute('aria-expanded', 'false');
    toggle.setAttribute('aria-controls', 'live-preview');
    toggle.textContent = 'Show live preview';
    actions.insertBefore(toggle, actions.querySelector('.counts'));
    toggle.addEventListener('click', () => {
      preview.hidden = !preview.hidden;
      toggle.setAttribute('aria-expanded', String(!preview.hidden));
      toggle.textContent = preview.hidden ? 'Show live preview' : 'Hide live preview';
      document.body.classList.toggle('with-preview', !preview.hidden);
      if (!preview.hidden) refreshPreview();
    });
  }

  // Bold, italic and link buttons above text that takes inline markup.
  const wrap = (area, before, after) => {
    const { selectionStart: start, selectionEnd: end, value } = area;
    const selected = value.slice(start, end) || 'text';
    area.setRangeText(before + selected + after, start, end, 'select');
    area.selectionStart = start + before.length;
    area.selectionEnd = start + before.length + selected.length;
    area.focus();
    area.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const addToolbar = (block) => {
    if (!/block-(paragraph|quote|list)/.test(block.className)) return;
    const area = block.querySelector('textarea');
    if (!area || block.querySelector('.format-bar')) return;
    const bar = document.createElement('div');
    bar.className = 'format-bar';
    bar.setAttribute('role', 'toolbar');
    bar.setAttribute('aria-label', 'Formatting');
    const tool = (label, title, action) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'button-secondary format-' + label.toLowerCase();
      button.textContent = label;
      button.title = title;
      button.addEventListener('click', action);
      bar.append(button);
    };
    tool('Bold', 'Bold: **text**', () => wrap(area, '**', '**'));
    tool('Italic', 'Italic: *text*', () => wrap(area, '*', '*'));
    tool('Link', 'Link: [text](https://…)', () => {
      const url = window.prompt('Link address (https://…)', 'https://');
      if (url) wrap(area, '[', '](' + url.trim() + ')');
    });
    area.before(bar);
  };

  // Drag a block by its handle; the keyboard keeps the Move up / Move down buttons.
  const list = form.querySelector('.block-list');
  const renumber = () => {
    [...list.children].forEach((item, index) => {
      item.dataset.index = String(index);
      item.querySelectorAll('[name], [id], [for], [aria-describedby], button[value]').forEach((el) => {
        for (const attr of ['name', 'id', 'for', 'aria-describedby']) {
          const value = el.getAttribute(attr);
          if (value) el.setAttribute(attr, value.replace(/Blocks\[\d+\]/g, 'Blocks[' + index + ']').replace(/Blocks_\d+__/g, 'Blocks_' + index + '__'));
        }
        if (el.tagName === 'BUTTON' && /^(up|down|delete):\d+$/.test(el.value)) el.value = el.value.replace(/\d+$/, String(index));
      });
      const legend = item.querySelector('legend');
      if (legend) legend.textContent = legend.textContent.replace(/^Block \d+/, 'Block ' + (index + 1));
      item.querySelectorAll('.block-buttons .visually-hidden').forEach((span) => { span.textContent = ' block ' + (index + 1); });
      const up = item.querySelector('button[value^="up:"]');
      const down = item.querySelector('button[value^="down:"]');
      if (up) up.disabled = index === 0;
      if (down) down.disabled = index === list.children.length - 1;
    });
  };
  let dragged = null;
  if (list) {
    [...list.children].forEach((item) => {
      addToolbar(item);
      const handle = document.createElement('span');
      handle.className = 'drag-handle';
      handle.textContent = 'Drag to move';
      handle.setAttribute('aria-hidden', 'true');
      handle.draggable = true;
      item.querySelector('legend')?.after(handle);
      handle.addEventListener('dragstart', (event) => {
        dragged = item;
        item.classList.add('dragging');
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', item.dataset.index || '');
        event.dataTransfer.setDragImage(item, 20, 20);
      });
      handle.addEventListener('dragend', () => {
        item.classList.remove('dragging');
        dragged = null;
        renumber();
        changed();
      });
      item.addEventListener('dragover', (event) => {
        if (!dragged || dragged === item) return;
        event.preventDefault();
        const box = item.getBoundingClientRect();
        const after = event.clientY > box.top + box.height / 2;
        if (after) item.after(dragged); else item.before(dragged);
      });
      item.addEventListener('drop', (event) => event.preventDefault());
    });
  }
})();
