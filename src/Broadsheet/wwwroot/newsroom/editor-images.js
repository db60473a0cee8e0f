// Image library enhancements: drop a file on the upload form (it still posts as a normal file input), see
// size errors before uploading, and click a picture to set its focal point.
(() => {
  'use strict';
  const upload = document.getElementById('upload-form');
  const zone = document.getElementById('drop-zone');
  const input = upload?.querySelector('input[type="file"]');
  const note = document.getElementById('drop-preview');
  if (upload && zone && input) {
    const max = Number(upload.dataset.maxBytes || '0');
    const check = () => {
      const file = input.files && input.files[0];
      if (!file) { note.textContent = ''; return true; }
      if (max && file.size > max) {
        note.textContent = file.name + ' is larger than the ' + upload.dataset.maxSize + ' upload limit.';
        note.classList.add('field-error');
        return false;
      }
      if (file.type && !file.type.startsWith('image/')) {
        note.textContent = file.name + ' is not an image: choose a JPEG, PNG, WebP or GIF file.';
        note.classList.add('field-error');
        return false;
      }
      note.classList.remove('field-error');
      note.textContent = 'Ready to upload: ' + file.name + ' (' + Math.round(file.size / 1024) + ' KB).';
      return true;
    };
    zone.classList.add('drop-enabled');
    input.addEventListener('change', check);
    ['dragenter', 'dragover'].forEach((type) => zone.addEventListener(type, (event) => {
      event.preventDefault();
      zone.classList.add('drop-active');
    }));
    ['dragleave', 'drop'].forEach((type) => zone.addEventListener(type, () => zone.classList.remove('drop-active')));
    zone.addEventListener('drop', (event) => {
      event.preventDefault();
      if (event.dataTransfer && event.dataTransfer.files.length > 0) {
        input.files = event.dataTransfer.files;
        check();
        upload.querySelector('input[name="Upload.Alt"]')?.focus();
      }
    });
    upload.addEventListener('submit', (event) => { if (!check()) event.preventDefault(); });
  }

  const image = document.getElementById('focal-image');
  const marker = document.getElementById('focal-marker');
  const x = document.querySelector('input[name="Input.FocalX"]');
  const y = document.querySelector('input[name="Input.FocalY"]');
  const text = document.getElementById('focal-text');
  if (image && marker && x && y) {
    const show = () => {
      marker.hidden = false;
      marker.style.left = Number(x.value) + '%';
      marker.style.top = Number(y.value) + '%';
      if (text) text.textContent = Number(x.value) + '% from the left, ' + Number(y.value) + '% from the top';
    };
    image.classList.add('focal-clickable');
    image.addEventListener('click', (event) => {
      const box = image.getBoundingClientRect();
      x.value = String(Math.round(((event.clientX - box.left) / box.width) * 1000) / 10);
      y.value = String(Math.round(((event.clientY - box.top) / box.height) * 1000) / 10);
      show();
    });
    x.addEventListener('input', show);
    y.addEventListener('input', show);
    show();
  }
})();
