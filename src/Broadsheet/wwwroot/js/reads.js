// Tells the server this article was read: one same-origin beacon, sent after the page has been in view for a
// moment (not for a prerender or a tab opened in the background and closed unseen). No cookie, no identifier.
(function () {
  var script = document.currentScript, url = script && script.getAttribute('data-url'), timer = 0;
  if (!url || !navigator.sendBeacon) return;
  function watch() {
    clearTimeout(timer);
    if (document.visibilityState !== 'visible') return;
    timer = setTimeout(function () {
      document.removeEventListener('visibilitychange', watch);
      navigator.sendBeacon(url);
    }, 2000);
  }
  document.addEventListener('visibilitychange', watch);
  watch();
})();
