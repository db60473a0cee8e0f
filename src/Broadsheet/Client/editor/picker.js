// A dialog to choose a library picture by thumbnail, with search; used for body pictures and the hero alike.
export function createPicker() {
  const dialog = document.createElement('dialog');
  dialog.className = 'image-picker';
  dialog.setAttribute('aria-labelledby', 'image-picker-heading');
  dialog.innerHTML = '<h2 id="image-picker-heading">Choose a picture</h2>'
    + '<div class="field"><label for="image-picker-search">Search by alt text, caption or credit</label><input id="image-picker-search" type="search" autocomplete="off"></div>'
    + '<p class="picker-status" role="status" aria-live="polite"></p><ul class="picker-grid"></ul>'
    + '<div class="actions"><button type="button" class="button-secondary" data-close>Cancel</button></div>';
  document.body.append(dialog);
  const search = dialog.querySelector('input');
  const grid = dialog.querySelector('.picker-grid');
  const status = dialog.querySelector('.picker-status');
  const url = document.getElementById('block-editor')?.dataset.pictures || '/newsroom/images/picker';
  let chosen = null;
  let timer = 0;
  let asked = 0;

  const load = async () => {
    const ask = ++asked;
    status.textContent = 'Searching…';
    try {
      const response = await fetch(url + (url.includes('?') ? '&' : '?') + 'q=' + encodeURIComponent(search.value.trim()), { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      const images = response.ok ? await response.json() : [];
      if (ask !== asked) return;
      grid.replaceChildren(...images.map((image) => {
        const li = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'picker-choice';
        const img = document.createElement('img');
        img.src = image.thumb;
        img.alt = '';
        img.loading = 'lazy';
        const label = document.createElement('span');
        label.textContent = image.alt;
        button.append(img, label);
        button.addEventListener('click', () => { dialog.close(); if (chosen) chosen(image); });
        li.append(button);
        return li;
      }));
      status.textContent = images.length ? images.length + (images.length === 1 ? ' picture' : ' pictures') : 'No pictures match.';
    } catch {
      status.textContent = 'Offline: the library cannot be searched now.';
    }
  };
  search.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(load, 250); });
  dialog.querySelector('[data-close]').addEventListener('click', () => dialog.close());

  return {
    open(done) {
      chosen = done;
      dialog.showModal();
      search.focus();
      load();
    },
  };
}
