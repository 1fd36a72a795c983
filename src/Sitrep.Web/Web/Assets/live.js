// Sitrep workbench: live updates over server-sent events. The page carries no inline script; the events address
// rides in data-events on <body>. A notice says what changed; a page whose <main> is marked data-live is fetched
// again and swapped in whole (the server's HTML is already encoded; DOMParser never runs its scripts). The redraw says
// it is one (X-Sitrep-Live), so it shows the brief as it is instead of asking for it to be built.
(() => {
  'use strict';
  const url = document.body.dataset.events;
  if (!url || !window.EventSource) {
    return;
  }

  const notice = document.getElementById('live-notice');
  const source = new EventSource(url);
  let refreshing = false;
  let again = false;

  // A notice that arrives while a redraw is in flight is not dropped: the page is fetched once more when that redraw
  // ends, so it never stays on a state the server has moved past (a picture still being updated, say).
  async function refresh() {
    if (!document.querySelector('main[data-live]')) {
      return;
    }

    if (refreshing) {
      again = true;
      return;
    }

    refreshing = true;
    try {
      do {
        again = false;
        const response = await fetch(window.location.href, { headers: { Accept: 'text/html', 'X-Sitrep-Live': '1' }, credentials: 'same-origin' });
        const main = document.querySelector('main[data-live]');
        if (response.ok && main) {
          const parsed = new DOMParser().parseFromString(await response.text(), 'text/html');
          const next = parsed.querySelector('main[data-live]');
          if (next) {
            main.replaceWith(document.adoptNode(next));
          }
        }
      } while (again);
    } finally {
      refreshing = false;
    }
  }

  source.addEventListener('notice', (event) => {
    let data;
    try {
      data = JSON.parse(event.data);
    } catch {
      return;
    }

    if (notice) {
      notice.textContent = data.text;
      notice.hidden = false;
    }

    if (data.kind === 'picture' || data.kind === 'decision') {
      refresh();
    }
  });
})();
