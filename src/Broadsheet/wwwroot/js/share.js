// Share and copy link for the article page. Without script the story's address stays a plain link; with it, the
// browser's own share sheet (where there is one) and a copy button. No third-party script, nothing sent anywhere.
(() => {
  const actions = document.querySelector('.share-actions');
  if (!actions) return;
  // The address is the link shown to copy without script; the title is the page's headline.
  const url = document.querySelector('.share-url a').href;
  const title = document.querySelector('h1').textContent;
  const status = actions.querySelector('.share-status');
  const native = actions.querySelector('.share-native');
  const copy = actions.querySelector('.share-copy');
  if (navigator.share) {
    native.hidden = false;
    native.addEventListener('click', () => {
      navigator.share({ title, url }).catch(() => { /* the reader closed the share sheet */ });
    });
  }
  if (navigator.clipboard) {
    copy.addEventListener('click', () => {
      navigator.clipboard.writeText(url).then(() => { status.textContent = actions.dataset.copied; }, () => { status.textContent = url; });
    });
  } else {
    copy.hidden = true;
  }
  if (!native.hidden || !copy.hidden) actions.hidden = false;
})();
