// The example host pages' ?app= (host.html, live-blog.html; not part of the embed code): <page>.html?app=<URL of the
// map> points the embeds at another copy of the map. Each embed's address is changed as the parser adds its iframe,
// before the iframe begins to load: an iframe repointed once it had begun to load its first address could keep that
// address's error page (chrome-error://chromewebdata/) in Chromium.
(() => {
  const app = new URLSearchParams(location.search).get('app');
  if (!app || !/^https?:\/\//.test(app) || !window.MutationObserver) return;
  const repoint = (f) => {
    if (f.nodeName !== 'IFRAME' || !/^flightmap-/.test(f.id) || f.dataset.repointed) return;
    f.dataset.repointed = '1';
    f.src = new URL(new URL(f.getAttribute('src')).search, app).href;
  };
  const mo = new MutationObserver((records) => {
    for (const r of records) r.addedNodes.forEach(repoint);
  });
  mo.observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', () => mo.disconnect());
})();
