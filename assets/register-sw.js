// Offline support: registers the service worker (sw.js, generated at build time by
// scripts/gen-sw.mjs) and shows a small "updated — reload" notice when a new version of the
// site has taken over.
//
// This is a classic external script (copied and hashed by Trunk), never inline, so the page's
// Content-Security-Policy can keep `script-src 'self'`. It does nothing where service workers
// cannot run: file:// pages, non-secure origins, browsers without the API.
(function () {
  'use strict';

  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  if (location.protocol !== 'https:' && location.protocol !== 'http:') return;

  var container = navigator.serviceWorker;
  // sw.js sits next to this script, at the root of the built site; its folder is the scope.
  var script = document.currentScript;
  var swUrl = new URL('sw.js', (script && script.src) || document.baseURI);
  // A page that was already controlled is running a cached version: when a new worker takes
  // over, that version is stale. On the very first visit, the first worker's `clients.claim()`
  // also fires `controllerchange`, but there is nothing to reload then.
  var wasControlled = Boolean(container.controller);

  function showUpdateNotice() {
    if (document.getElementById('sw-update')) return;
    var box = document.createElement('div');
    box.id = 'sw-update';
    box.setAttribute('role', 'status');
    var text = document.createElement('span');
    text.textContent = 'Podium was updated — ';
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'reload';
    button.addEventListener('click', function () {
      location.reload();
    });
    box.append(text, button);
    // CSSOM properties, not a style attribute: allowed by any style-src.
    Object.assign(box.style, {
      position: 'fixed',
      insetInline: '0',
      bottom: '1rem',
      margin: '0 auto',
      width: 'max-content',
      maxWidth: 'calc(100% - 2rem)',
      padding: '0.5rem 0.75rem',
      borderRadius: '0.5rem',
      background: 'CanvasText',
      color: 'Canvas',
      font: '0.95rem/1.4 system-ui, sans-serif',
      boxShadow: '0 2px 10px rgba(0, 0, 0, 0.3)',
      zIndex: '1000',
    });
    Object.assign(button.style, {
      font: 'inherit',
      fontWeight: '600',
      color: 'inherit',
      background: 'none',
      border: '0',
      padding: '0',
      textDecoration: 'underline',
      cursor: 'pointer',
    });
    document.body.append(box);
  }

  container.addEventListener('controllerchange', function () {
    if (wasControlled) showUpdateNotice();
    wasControlled = true;
  });

  function register() {
    container
      .register(swUrl.href)
      .then(function (registration) {
        // Look for a new version on every online visit (the browser would otherwise wait for
        // its own schedule). A changed sw.js installs, takes over and fires `controllerchange`.
        if (wasControlled && navigator.onLine) {
          registration.update().catch(function () {
            /* offline or the host is down: keep the cached version */
          });
        }
      })
      .catch(function (err) {
        console.warn('Podium: offline support is unavailable:', err && err.message);
      });
  }

  // Register after the page has loaded, so the worker's precaching does not compete with the
  // first load for bandwidth.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
})();
