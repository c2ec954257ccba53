// Starts the page's wasm. A file instead of Trunk's inline loader, so the page's
// Content-Security-Policy needs no 'unsafe-inline' for scripts.
import init from './newslens-app.js';
await init({ module_or_path: './newslens-app_bg.wasm' });

// Offline use of a hosted copy (not from file://, where browsers have no service workers;
// the single file newslens.html needs none). A debug build (`dev`) registers nothing.
const build = document.querySelector('meta[name="newslens-build"]')?.content;
if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol) && build && build !== 'dev') {
  // Offline or refused (a private window, a host's policy): the page works as it is.
  offerUpdates().catch((e) => console.warn('NewsLens: no offline copy:', e));
}

async function offerUpdates() {
  const registration = await navigator.serviceWorker.register('./sw.js', { scope: './' });
  let waiting = null;
  let asked = false;
  let controlled = Boolean(navigator.serviceWorker.controller);
  // The page's banner shows that a new build is ready (installed whole, waiting), once.
  const announce = () => {
    document.documentElement.dataset.updateReady = 'true';
    window.dispatchEvent(new Event('newslens-update-ready'));
  };
  const offer = (worker) => {
    if (!worker || !controlled || waiting === worker) return;
    waiting = worker;
    announce();
  };
  offer(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed') offer(worker);
    });
  });
  // The banner's button: the new build takes over, then the page reloads on it.
  window.addEventListener('newslens-apply-update', () => {
    asked = true;
    if (waiting?.state === 'installed') waiting.postMessage('take-over');
    else location.reload();
  });
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (asked) location.reload();
    // Another tab moved to a new build: this one offers the same (its button reloads).
    else if (controlled) announce();
    controlled = true;
  });
  // A tab left open, or a laptop back on the network, still learns of new builds.
  const check = () => registration.update().catch(() => {});
  setInterval(check, 30 * 60 * 1000);
  window.addEventListener('online', check);
}
