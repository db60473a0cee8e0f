// The listen player: plays an article's audio, lets the listener pick voice and speed (remembered), and highlights
// the word and sentence being read. Markup comes from Reader/Shared/_ListenPlayer.cshtml; timings from
// /listen/{article}/{voice}/{fingerprint}.json as [startMs, endMs, place, start, end] rows, where place indexes
// `places`, the data-listen-place names of the page's text elements, and start/end are UTF-16 offsets in their text.
// Messages come in the article's language from data-words. Once started, the bar with Play docks at the bottom of the
// screen whenever the player itself is out of view, and the page follows the sentence read, above that bar.
(() => {
  'use strict';
  const root = document.querySelector('.listen[data-article]');
  if (!root) return;
  // The player's looks while playing (css/listen-playing.css): linked now, long before Play, without holding up the page.
  const sheet = document.createElement('link');
  sheet.rel = 'stylesheet';
  sheet.href = root.dataset.styles;
  document.head.append(sheet);
  const q = (s) => root.querySelector(s);
  const play = q('.listen-play'), seek = q('.listen-seek'), elapsed = q('.listen-elapsed'), total = q('.listen-total');
  const voiceSelect = q('.listen-voice'), speedSelect = q('.listen-speed'), status = q('.listen-status'), download = q('.listen-download');
  const article = root.dataset.article;
  const words = JSON.parse(root.dataset.words);
  const slot = q('.listen-slot'), bar = q('.listen-bar'), playLabel = q('.listen-play-label');
  const audio = new Audio();
  // Nothing is fetched before Play: the duration comes with the audio's data, and most readers never press it.
  audio.preload = 'none';
  audio.hidden = true; // in the document (without controls) so tests and extensions can find it
  root.append(audio);
  const canHighlight = !!(window.CSS && CSS.highlights && window.Highlight);
  let info = null, timings = null, timingsFor = null, wantPlay = false, started = false, fromPlace = null, quiet = false;
  let pollTimer = 0, pollDelay = 1000, frame = 0, shownWord = -1, shownSentence = -1;

  const store = {
    get: (k) => { try { return localStorage.getItem('listen.' + k); } catch { return null; } },
    set: (k, v) => { try { localStorage.setItem('listen.' + k, v); } catch { /* private mode */ } },
  };
  const has = (select, value) => [...select.options].some((o) => o.value === value);
  const savedVoice = store.get('voice'), savedSpeed = store.get('speed');
  if (savedVoice && has(voiceSelect, savedVoice)) voiceSelect.value = savedVoice;
  if (savedSpeed && has(speedSelect, savedSpeed)) speedSelect.value = savedSpeed;

  const clock = (s) => {
    s = Math.max(0, Math.floor(s || 0));
    const h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60, r = String(s % 60).padStart(2, '0');
    return h ? `${h}:${String(m).padStart(2, '0')}:${r}` : `${m}:${r}`;
  };
  const say = (text) => { if (status.textContent !== text) status.textContent = text; };
  const rate = () => { audio.defaultPlaybackRate = audio.playbackRate = Number(speedSelect.value); audio.preservesPitch = true; };
  download.hidden = true;

  async function load(voice) {
    clearTimeout(pollTimer);
    let answer;
    try {
      const response = await fetch(`/listen/${article}/${encodeURIComponent(voice)}`, { headers: { Accept: 'application/json' } });
      answer = response.ok ? await response.json() : { status: 'unavailable' };
    } catch {
      say(words.unreachable);
      return retry(voice);
    }
    if (voice !== voiceSelect.value) return;
    if (answer.status === 'ready') return ready(answer);
    if (answer.status === 'pending') { say(words.preparing); return retry(voice); }
    say(answer.reason || words.unavailable);
  }

  function retry(voice) {
    pollTimer = setTimeout(() => load(voice), pollDelay);
    pollDelay = Math.min(pollDelay * 2, 16000);
  }

  async function ready(answer) {
    pollDelay = 1000;
    const keep = here();
    info = answer;
    const opus = answer.opus && audio.canPlayType('audio/ogg; codecs=opus') ? answer.opus : null;
    audio.src = opus || answer.mp3;
    rate();
    download.href = answer.mp3;
    download.hidden = false;
    seek.max = String(Math.round(answer.durationMs / 1000));
    seek.disabled = false;
    total.textContent = clock(answer.durationMs / 1000);
    say('');
    if (keep || wantPlay) {
      await loadTimings();
      if (fromPlace) { goTo({ place: fromPlace, start: 0 }); fromPlace = null; } else if (keep) goTo(keep);
      if (wantPlay) start();
    }
  }

  async function loadTimings() {
    if (!info) return null;
    if (timingsFor !== info.timings) {
      const response = await fetch(info.timings);
      timings = response.ok ? await response.json() : null;
      timingsFor = info.timings;
      shownWord = shownSentence = -1;
    }
    return timings;
  }

  // Where the listener is, as page text (so another voice resumes at the same word).
  function here() {
    if (!timings || audio.currentTime === 0) return null;
    const i = find(timings.words, audio.currentTime * 1000, Infinity);
    if (i < 0) return null;
    const w = timings.words[i];
    return { place: timings.places[w[2]], start: w[3] };
  }

  function goTo(spot) {
    const p = timings.places.indexOf(spot.place);
    const w = timings.words.find((x) => x[2] === p && x[4] > spot.start) || timings.words.find((x) => x[2] === p);
    if (w) audio.currentTime = w[0] / 1000;
  }

  async function start() {
    wantPlay = true;
    if (!info) { say(words.preparing); return load(voiceSelect.value); }
    if (!started) {
      started = true;
      document.documentElement.classList.add('listen-on');
      if (docker) docker.observe(slot);
    }
    // The sentence already showing when Play is pressed is where the reader is: the page does not jump to it.
    quiet = true;
    await loadTimings();
    try { await audio.play(); } catch (e) { if (e.name !== 'AbortError') say(words.failed); }
  }

  function pause() { wantPlay = false; audio.pause(); }
  const toggle = () => (audio.paused ? start() : pause());
  const skip = (s) => { if (info) audio.currentTime = Math.min(Math.max(0, audio.currentTime + s), audio.duration || Infinity); };

  // Last row starting at or before ms; -1 when ms is in a gap longer than `slack` after it.
  function find(rows, ms, slack) {
    let lo = 0, hi = rows.length - 1, at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (rows[mid][0] <= ms) { at = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return at >= 0 && ms <= rows[at][1] + slack ? at : -1;
  }

  const elements = new Map();
  const element = (place) => {
    if (!elements.has(place)) elements.set(place, document.querySelector(`[data-listen-place="${place}"]`));
    return elements.get(place);
  };

  function rangeOf(row) {
    const el = element(timings.places[row[2]]);
    if (!el) return null;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let pos = 0, begun = false, node;
    while ((node = walker.nextNode())) {
      const end = pos + node.data.length;
      if (!begun && row[3] < end) { range.setStart(node, row[3] - pos); begun = true; }
      if (begun && row[4] <= end) { range.setEnd(node, row[4] - pos); return range; }
      pos = end;
    }
    return null;
  }

  // Without the Custom Highlight API: the word is wrapped in a span, the sentence's element gets a class.
  function unwrapWord() {
    const span = document.querySelector('span.listen-w');
    if (!span) return;
    const parent = span.parentNode;
    span.replaceWith(...span.childNodes);
    parent.normalize();
  }

  function show(kind, row) {
    const name = 'listen-' + kind;
    if (canHighlight) {
      const range = row && rangeOf(row);
      if (range) CSS.highlights.set(name, new Highlight(range)); else CSS.highlights.delete(name);
    } else if (kind === 'word') {
      unwrapWord();
      const range = row && rangeOf(row);
      if (range && range.startContainer === range.endContainer) {
        const span = document.createElement('span');
        span.className = 'listen-w';
        range.surroundContents(span);
      }
    } else {
      document.querySelectorAll('.listen-s').forEach((e) => e.classList.remove('listen-s'));
      const el = row && element(timings.places[row[2]]);
      if (el) el.classList.add('listen-s');
    }
    if (kind === 'sentence' && row && !audio.paused) {
      if (quiet) { quiet = false; return; }
      const el = element(timings.places[row[2]]);
      const box = el && el.getBoundingClientRect();
      // In view means clear of the docked bar, with a margin, so the sentence read is never under it.
      const bottom = innerHeight - (root.classList.contains('docked') ? bar.offsetHeight : 0) - 16;
      if (box && (box.top < 0 || box.bottom > bottom)) {
        const top = Math.max(0, scrollY + box.top - Math.max(16, (bottom - box.height) / 3));
        scrollTo({ top, behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
      }
    }
  }

  function follow() {
    frame = 0;
    if (timings) {
      const ms = audio.currentTime * 1000;
      const w = find(timings.words, ms, 150), s = find(timings.sentences, ms, 400);
      if (w !== shownWord) { shownWord = w; show('word', w >= 0 ? timings.words[w] : null); }
      if (s !== shownSentence) { shownSentence = s; show('sentence', s >= 0 ? timings.sentences[s] : null); }
      root.dataset.word = String(w);
    }
    if (!audio.paused) frame = requestAnimationFrame(follow);
  }

  function progress() {
    elapsed.textContent = clock(audio.currentTime);
    if (document.activeElement !== seek) seek.value = String(Math.floor(audio.currentTime));
    seek.setAttribute('aria-valuetext', words.of.replace('{0}', clock(audio.currentTime)).replace('{1}', total.textContent));
    if ('mediaSession' in navigator && audio.duration) {
      try { navigator.mediaSession.setPositionState({ duration: audio.duration, playbackRate: audio.playbackRate, position: audio.currentTime }); } catch { /* not finite yet */ }
    }
  }

  // The button says what it does next; its icon and colour follow the class.
  const label = (playing) => {
    root.classList.toggle('playing', playing);
    playLabel.textContent = playing ? words.pause : words.play;
  };
  audio.addEventListener('play', () => {
    label(true);
    if (!frame) frame = requestAnimationFrame(follow);
    if ('mediaSession' in navigator) navigator.mediaSession.playbackState = 'playing';
  });
  audio.addEventListener('pause', () => {
    label(false);
    if ('mediaSession' in navigator) navigator.mediaSession.playbackState = 'paused';
  });
  audio.addEventListener('ended', () => { wantPlay = false; });
  audio.addEventListener('timeupdate', progress);
  audio.addEventListener('seeked', () => { progress(); follow(); });
  audio.addEventListener('error', () => { if (audio.src) say(words.error); });

  play.addEventListener('click', toggle);
  root.querySelectorAll('[data-skip]').forEach((b) => b.addEventListener('click', () => skip(Number(b.dataset.skip))));
  seek.addEventListener('input', () => { audio.currentTime = Number(seek.value); });
  speedSelect.addEventListener('change', () => { rate(); store.set('speed', speedSelect.value); });
  voiceSelect.addEventListener('change', async () => {
    store.set('voice', voiceSelect.value);
    const keep = here();
    const playing = !audio.paused;
    audio.pause();
    wantPlay = playing;
    info = null;
    seek.disabled = true;
    download.hidden = true;
    await load(voiceSelect.value);
    if (keep && timings && info && timingsFor === info.timings) goTo(keep);
  });

  root.addEventListener('keydown', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const tag = e.target.tagName;
    const control = tag === 'SELECT' || tag === 'INPUT' || tag === 'SUMMARY' || tag === 'A';
    if (e.key === 'k' || (e.key === ' ' && !control && tag !== 'BUTTON')) { e.preventDefault(); toggle(); }
    else if (e.key === 'j' || (e.key === 'ArrowLeft' && !control)) { e.preventDefault(); skip(-10); }
    else if (e.key === 'l' || (e.key === 'ArrowRight' && !control)) { e.preventDefault(); skip(10); }
  });

  // Plays from an element's first word; before the audio's data has come, once it has.
  async function playFrom(place) {
    if (!info) { fromPlace = place; return start(); }
    if (!(await loadTimings())) return;
    const p = timings.places.indexOf(place);
    const w = timings.words.find((x) => x[2] === p);
    if (!w) return;
    audio.currentTime = w[0] / 1000;
    start();
  }

  // Once the listener has started, selecting a paragraph (or any read element) plays from its first word.
  document.addEventListener('click', (e) => {
    if (!started) return;
    const el = e.target.closest('[data-listen-place]');
    if (!el || e.target.closest('a, button, input, select, summary') || String(getSelection()).length > 0) return;
    playFrom(el.dataset.listenPlace);
  });

  // A button before each paragraph and heading of the body, shown when focused: listening from there needs no mouse
  // and no playback first. It is outside the read element, so the highlight's text offsets stay the page's.
  for (const el of document.querySelectorAll('.body [data-listen-place]')) {
    if (!el.matches('p, h2, h3, h4') || el.closest('li, figure')) continue;
    const from = document.createElement('button');
    from.type = 'button';
    from.className = 'listen-from';
    from.textContent = words.from;
    from.addEventListener('click', () => playFrom(el.dataset.listenPlace));
    el.before(from);
  }

  // The docked bar: while the player is out of view after Play, its bar sits at the bottom of the screen. The slot
  // keeps the bar's height in the page, so docking moves nothing.
  const docker = 'IntersectionObserver' in window ? new IntersectionObserver(([entry]) => {
    const dock = !entry.isIntersecting;
    if (dock === root.classList.contains('docked')) return;
    if (dock) slot.style.minHeight = slot.offsetHeight + 'px'; else slot.style.minHeight = '';
    root.classList.toggle('docked', dock);
  }) : null;

  if ('mediaSession' in navigator) {
    navigator.mediaSession.metadata = new MediaMetadata({ title: root.dataset.title, artist: document.querySelector('.brand')?.textContent || '' });
    const actions = {
      play: start,
      pause,
      seekbackward: (d) => skip(-(d.seekOffset || 10)),
      seekforward: (d) => skip(d.seekOffset || 10),
      seekto: (d) => { audio.currentTime = d.seekTime; },
    };
    for (const [action, handler] of Object.entries(actions)) {
      try { navigator.mediaSession.setActionHandler(action, handler); } catch { /* unsupported action */ }
    }
  }

  load(voiceSelect.value);
})();
