// Saving and every workflow step without a page load: the form posts to the editor's JSON handlers (same writer,
// same validation, same rules); field errors are shown beside their field with focus moved there; publishing and
// scheduling show the checklist and, when something is missing, ask for a second, explicit confirmation. Each answer
// carries the article's new state, so the status line and the buttons follow the workflow without a reload.
export function createPublishing({ form, view, token, announce, showBlockErrors, focusBlockError }) {
  const mount = document.getElementById('block-editor');
  const saveUrl = () => mount.dataset.save;
  const stateLine = document.getElementById('autosave-state');
  const say = (text) => { if (stateLine) stateLine.textContent = text; announce(text); };
  const checklist = document.getElementById('publish-checklist');

  const confirmDialog = document.createElement('dialog');
  confirmDialog.className = 'publish-confirm';
  confirmDialog.setAttribute('aria-labelledby', 'publish-confirm-heading');
  confirmDialog.innerHTML = '<h2 id="publish-confirm-heading">Publish with these warnings?</h2>'
    + '<p>The article is saved. Before it goes to readers, check:</p><ul class="checklist-items"></ul>'
    + '<div class="actions"><button type="button" data-keep>Keep editing</button>'
    + '<button type="button" class="button-danger" data-go>Publish anyway</button></div>';
  document.body.append(confirmDialog);
  // The step the dialog confirms: publish or schedule.
  let confirming = 'publish';

  const renderChecklist = (target, items) => {
    target.replaceChildren(...items.map((item) => {
      const li = document.createElement('li');
      li.className = item.passed ? 'check-ok' : 'check-warn';
      const mark = document.createElement('span');
      mark.className = 'check-mark';
      mark.textContent = item.passed ? '✓ ' : '! ';
      const text = document.createElement('span');
      text.textContent = item.passed ? item.label : item.label + ': ' + item.message;
      li.append(mark, text);
      return li;
    }));
  };

  const clearErrors = () => {
    form.querySelectorAll('.js-field-error').forEach((el) => el.remove());
    form.querySelectorAll('[aria-invalid="true"]').forEach((el) => el.removeAttribute('aria-invalid'));
  };
  const showErrors = (errors) => {
    clearErrors();
    showBlockErrors(errors);
    let first = null;
    for (const [name, messages] of Object.entries(errors)) {
      if (/^Form\.Blocks\[/.test(name)) { first = first || name; continue; }
      const input = form.querySelector('[name="' + CSS.escape(name) + '"]');
      if (!input) continue;
      const error = document.createElement('p');
      error.className = 'field-error js-field-error';
      error.id = (input.id || name.replace(/\W/g, '_')) + '-js-error';
      error.textContent = messages.join(' ');
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', ((input.getAttribute('aria-describedby') || '') + ' ' + error.id).trim());
      input.after(error);
      first = first || name;
    }
    if (first && !focusBlockError(first)) form.querySelector('[name="' + CSS.escape(first) + '"]')?.focus();
  };

  const adopt = (json) => {
    if (json.version !== undefined) {
      form.dataset.version = String(json.version);
      const version = form.querySelector('input[name="Form.Version"]');
      if (version) version.value = String(json.version);
    }
    if (json.id && form.dataset.article !== String(json.id)) {
      const id = String(json.id);
      form.dataset.article = id;
      const articleId = form.querySelector('input[name="ArticleId"]');
      if (articleId) articleId.value = id;
      for (const key of ['autosave']) form.dataset[key] = form.dataset[key].replace(/\/new(?=\?|$)/, '/' + id);
      for (const key of ['save', 'publish', 'checklist']) if (mount.dataset[key]) mount.dataset[key] = mount.dataset[key].replace(/\/new(?=\?|$)/, '/' + id);
      const notes = document.getElementById('note-form');
      if (notes) notes.action = notes.getAttribute('action').replace(/\/new(?=\?|$)/, '/' + id);
      history.replaceState(null, '', '/newsroom/articles/' + id);
      // The article has a history now, as a reload would show.
      const links = document.getElementById('editor-links');
      if (links && !links.querySelector('a[href$="/revisions"]')) {
        const historyLink = document.createElement('a');
        historyLink.href = '/newsroom/articles/' + id + '/revisions';
        historyLink.textContent = 'History';
        links.querySelector('a')?.after(' · ', historyLink);
      }
    }
    // The server's "unsaved changes were restored" notice: the save kept them, and dropped the autosave it offers to discard.
    document.getElementById('autosave-notice')?.remove();
    applyState(json.state);
    form.dispatchEvent(new CustomEvent('broadsheet:saved', { detail: { id: json.id } }));
  };

  // The status line, the save button's label, the workflow buttons, the schedule field and the checklist, as the
  // server's rules give them for the article's new state (EditorState).
  const applyState = (state) => {
    if (!state) return;
    const hadFocus = document.activeElement;
    let line = document.getElementById('article-state');
    if (!line) {
      line = document.createElement('p');
      line.className = 'article-state';
      line.id = 'article-state';
      document.querySelector('main h1')?.after(line);
    }
    line.tabIndex = -1;
    const tag = document.createElement('strong');
    tag.className = 'tag';
    tag.textContent = state.status;
    const parts = ['Status: ', tag];
    if (state.when) {
      const time = document.createElement('time');
      time.dateTime = state.whenIso;
      time.textContent = state.when;
      parts.push(' ' + state.whenLabel + ' ', time);
    }
    parts.push(' · version ' + state.version + ' · last changed ' + state.modified + ' by ' + state.by);
    line.replaceChildren(...parts);
    form.querySelectorAll('button[name="command"][value="save"]').forEach((b) => { b.textContent = state.saveLabel; });
    const actions = document.getElementById('workflow-actions');
    if (actions) {
      const del = actions.querySelector('button[value="delete-article"]');
      actions.querySelectorAll('button[name="command"]').forEach((b) => { if (b.value !== 'save' && b !== del) b.remove(); });
      const commandButton = ({ command, label, style }) => {
        const button = document.createElement('button');
        button.type = 'submit';
        button.name = 'command';
        button.value = command;
        if (style) button.className = style;
        button.textContent = label;
        return button;
      };
      for (const spec of state.buttons) actions.insertBefore(commandButton(spec), del);
      // Deleting is for what readers do not see, and a new article can be deleted once it is saved.
      if (del && !state.canDelete) del.remove();
      if (!del && state.canDelete) {
        const button = commandButton({ command: 'delete-article', label: 'Delete article', style: 'button-danger' });
        button.formNoValidate = true;
        actions.append(button);
      }
    }
    const heading = document.querySelector('main h1');
    if (heading && state.headline) {
      heading.textContent = state.headline;
      document.title = document.title.replace(/^.*?(?= \| Newsroom$)/, 'Edit: ' + state.headline);
    }
    // Corrections and updates are for published articles only; a note goes with the version it was written against.
    const notes = document.getElementById('notes-panel');
    if (notes) {
      notes.hidden = !state.showsNotes;
      const noteVersion = notes.querySelector('input[name="Note.Version"]');
      if (noteVersion) noteVersion.value = String(state.version);
    }
    const schedule = document.getElementById('schedule-field');
    if (schedule) schedule.hidden = !state.canSchedule;
    if (checklist) checklist.hidden = !state.showsChecklist;
    let site = document.getElementById('view-on-site');
    if (state.publicPath) {
      if (!site) {
        site = document.createElement('span');
        site.id = 'view-on-site';
        const link = document.createElement('a');
        link.textContent = 'View on the site';
        site.append(' · ', link);
        document.getElementById('editor-links')?.append(site);
      }
      site.querySelector('a').href = state.publicPath;
    } else {
      site?.remove();
    }
    if (!state.canEdit) {
      // A writer's submitted story is the editors' now: readable, not editable, as the page shows it on a reload.
      view?.setProps({ editable: () => false });
      const fields = form.querySelector(':scope > fieldset');
      if (fields) fields.disabled = true;
      const notice = document.createElement('p');
      notice.className = 'notice';
      notice.textContent = 'This article is with the editors for review: you can read it but not change it.';
      form.parentElement.before(notice);
    }
    // The button pressed may be gone (Publish after publishing): keyboard users continue from the new status.
    if (!hadFocus || !hadFocus.isConnected || hadFocus.disabled || hadFocus === document.body) line.focus();
  };

  const post = async (url, extra) => {
    const body = new FormData(form);
    body.delete('command');
    for (const [k, v] of Object.entries(extra)) body.set(k, v);
    const response = await fetch(url, { method: 'POST', body, credentials: 'same-origin', headers: { Accept: 'application/json', RequestVerificationToken: token() } });
    const json = await response.json().catch(() => ({}));
    return { response, json };
  };

  // What the JSON handler cannot settle here goes through the form's own post: a conflict shows both versions to
  // merge, an expired session keeps the text in this browser and leads to signing in again.
  let bypass = false;
  const postForm = (submitter) => {
    bypass = true;
    if (submitter) form.requestSubmit(submitter);
    else form.requestSubmit();
  };

  let busy = false;
  const run = async (command, confirmed, submitter) => {
    if (busy) return;
    busy = true;
    const guarded = command === 'publish' || command === 'schedule';
    say(guarded ? 'Saving and checking before ' + (command === 'publish' ? 'publishing' : 'scheduling') + '…' : 'Saving…');
    // An autosave still on its way lands first: arriving after this save it would be kept as unsaved text and offered
    // back later (for a new article, on the next new one). None starts until this save has answered.
    const autosaves = [];
    form.dispatchEvent(new CustomEvent('broadsheet:saving', { detail: { waitFor: autosaves } }));
    try {
      await Promise.all(autosaves);
      const { response, json } = await post(saveUrl(), { command, 'Form.PublishPastWarnings': confirmed ? 'true' : 'false' });
      if (response.redirected || response.status === 409 || response.status === 400 || response.status === 401) {
        postForm(submitter);
        return;
      }
      if (response.status === 422) {
        showErrors(json.errors || {});
        say('Not saved: ' + (json.detail || 'check the fields marked.'));
        return;
      }
      if (!response.ok) { say(json.detail || json.title || 'Not saved: the server answered ' + response.status + '.'); return; }
      clearErrors();
      showBlockErrors({});
      adopt(json);
      if (json.checklist && checklist) renderChecklist(checklist.querySelector('ul'), json.checklist);
      if (json.needsConfirmation) {
        confirming = command;
        const verb = command === 'schedule' ? 'Schedule' : 'Publish';
        confirmDialog.querySelector('h2').textContent = verb + ' with these warnings?';
        confirmDialog.querySelector('[data-go]').textContent = verb + ' anyway';
        renderChecklist(confirmDialog.querySelector('ul'), json.checklist.filter((i) => !i.passed));
        confirmDialog.showModal();
        confirmDialog.querySelector('[data-keep]').focus();
        say('Saved, not ' + (command === 'schedule' ? 'scheduled' : 'published') + ': the checklist needs your confirmation.');
        return;
      }
      say(json.message || 'Saved.');
    } catch {
      say('Offline: not saved. Your text is kept in this browser.');
    } finally {
      busy = false;
      form.dispatchEvent(new CustomEvent('broadsheet:settled'));
    }
  };
  confirmDialog.querySelector('[data-keep]').addEventListener('click', () => {
    confirmDialog.close();
    say(confirming === 'schedule' ? 'Not scheduled.' : 'Not published.');
  });
  confirmDialog.querySelector('[data-go]').addEventListener('click', () => {
    confirmDialog.close();
    run(confirming, true, form.querySelector('button[value="' + confirming + '"]'));
  });

  const handled = new Set(['save', 'submit', 'publish', 'schedule', 'unpublish', 'return-to-draft']);
  form.addEventListener('submit', (event) => {
    const command = event.submitter?.value;
    if (bypass) { bypass = false; return; }
    if (!handled.has(command) || event.submitter?.hasAttribute('formaction')) return;
    event.preventDefault();
    run(command, false, event.submitter);
  });

  // The checklist, refreshed from the server a moment after each change.
  if (checklist && mount.dataset.checklist) {
    let timer = 0;
    const refresh = async () => {
      try {
        const { response, json } = await post(mount.dataset.checklist, {});
        if (response.ok && json.checklist) renderChecklist(checklist.querySelector('ul'), json.checklist);
      } catch { /* offline: the list waits for the next change */ }
    };
    form.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(refresh, 1500); });
    form.addEventListener('change', () => { clearTimeout(timer); timer = setTimeout(refresh, 1500); });
  }
}
