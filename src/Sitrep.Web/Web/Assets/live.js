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

  async function refresh() {
    const main = document.querySelector('main[data-live]');
    if (!main || refreshing) {
      return;
    }

    refreshing = true;
    try {
      const response = await fetch(window.location.href, { headers: { Accept: 'text/html', 'X-Sitrep-Live': '1' }, credentials: 'same-origin' });
      if (response.ok) {
        const parsed = new DOMParser().parseFromString(await response.text(), 'text/html');
        const next = parsed.querySelector('main[data-live]');
        if (next) {
          main.replaceWith(document.adoptNode(next));
        }
      }
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
