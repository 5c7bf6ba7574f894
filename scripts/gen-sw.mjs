#!/usr/bin/env node
// Trunk post_build hook (see Trunk.toml): makes the built site work offline and under a strict
// Content-Security-Policy. It runs on Trunk's staging folder (TRUNK_STAGING_DIR, dist/.stage)
// after index.html is written and before Trunk moves the result into dist/.
//
//   1. No inline script. Trunk injects an inline <script type="module"> that imports the
//      wasm-bindgen glue and calls its init function; `script-src 'self'` refuses it. The hook
//      moves its text, unchanged, into boot-<hash>.js and loads that file instead (with an
//      integrity hash, like Trunk's own tags). Any other inline script fails the build.
//   2. CSP. A <meta http-equiv="Content-Security-Policy"> goes right after <meta charset>, so it
//      covers every tag that follows (the same policy is documented as an HTTP header in the
//      README). Under `trunk serve`, which adds its inline live-reload script, it is left out.
//   3. Service worker. sw.js precaches every built file, listed by name (the names carry
//      Trunk's content hashes) in a cache named after the combined hash of their contents:
//      any change to the site gives a new sw.js, which the browser picks up on the next online
//      visit; the new worker deletes the caches of older versions. Under `trunk serve` sw.js
//      caches nothing, so a rebuild shows at once.
//
// Run by hand on a built folder: `node scripts/gen-sw.mjs dist` (idempotent: a second run
// finds no inline script, keeps boot-*.js, replaces the CSP meta and rewrites sw.js).

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The policy of the served build. See README, "Offline and deployment", for each part. */
export const CSP = [
  "default-src 'self'",
  // 'wasm-unsafe-eval' allows compiling WebAssembly, nothing else (no eval, no new Function).
  "script-src 'self' 'wasm-unsafe-eval'",
  // The favicon is a data: URL in index.html, so it costs no request after the load event.
  "img-src 'self' data:",
].join('; ');

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('gen-sw: usage: node scripts/gen-sw.mjs DIST_DIR (or run as a Trunk post_build hook)');
  process.exit(2);
}
const publicUrl = process.env.TRUNK_PUBLIC_URL ?? './';
const htmlFile = join(dir, 'index.html');
const fail = (msg) => {
  console.error(`gen-sw: error: ${msg}`);
  process.exit(1);
};

const sha = (algo, data, enc = 'hex') => createHash(algo).update(data).digest(enc);
const escapeAttr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

let html = readFileSync(htmlFile, 'utf8');
// `trunk serve` appends its live-reload script (inline, with placeholders the dev server fills
// in per response): that build is for development only and gets no CSP.
const devServer = html.includes('{{__TRUNK_ADDRESS__}}') || html.includes('.well-known/trunk/ws');

// --- 1. Move Trunk's inline loader into boot-<hash>.js -------------------------------------
const inlineScript = /<script\b(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/gi;
let moved = 0;
html = html.replace(inlineScript, (tag, attrs, body) => {
  if (!/\btype=["']?module\b/i.test(attrs) || !/\binit\b/.test(body) || !/\bimport\b/.test(body)) {
    return tag; // not Trunk's loader; checked below
  }
  const code = `${body.trim()}\n`;
  const name = `boot-${sha('sha256', code).slice(0, 16)}.js`;
  writeFileSync(join(dir, name), code);
  moved++;
  const integrity = `sha384-${sha('sha384', code, 'base64')}`;
  return `<script type="module" src="${escapeAttr(publicUrl + name)}" integrity="${integrity}"></script>`;
});
if (moved > 1) fail(`found ${moved} inline loader scripts in ${htmlFile}, expected one`);
if (moved === 0 && !/<script\b[^>]*\bsrc=["'][^"']*boot-[0-9a-f]+\.js/.test(html)) {
  fail(`no Trunk loader script found in ${htmlFile} (did Trunk's output change?)`);
}
const leftover = [...html.matchAll(inlineScript)].filter(([tag]) => !tag.includes('__TRUNK_'));
if (leftover.length > 0) {
  fail(`inline script left in ${htmlFile}; the CSP would refuse it:\n${leftover[0][0].slice(0, 200)}`);
}
if (/\son[a-z]+\s*=/i.test(html.replace(/<script\b[\s\S]*?<\/script>/gi, ''))) {
  fail(`an inline event handler (on...=) in ${htmlFile} would be refused by the CSP`);
}

// --- 2. Content-Security-Policy -------------------------------------------------------------
html = html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/i, '');
if (!devServer) {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${CSP}" />`;
  const charset = /<meta charset="[^"]*"\s*\/?>/i;
  if (!charset.test(html)) fail(`no <meta charset> in ${htmlFile} to put the CSP after`);
  html = html.replace(charset, (m) => `${m}\n    ${meta}`);
}
writeFileSync(htmlFile, html);

// --- 3. sw.js --------------------------------------------------------------------------------
function listFiles(root) {
  const out = [];
  const walk = (d) => {
    for (const entry of readdirSync(d).sort()) {
      const path = join(d, entry);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(root, path).split(sep).join('/'));
    }
  };
  walk(root);
  return out;
}
const files = listFiles(dir).filter((f) => f !== 'sw.js' && !f.startsWith('.'));
if (!files.includes('index.html')) fail(`index.html is missing from ${dir}`);
const combined = createHash('sha256');
for (const f of files) combined.update(`${f}\0${sha('sha256', readFileSync(join(dir, f)))}\n`);
const version = combined.digest('hex').slice(0, 16);
// Cache keys are URLs relative to sw.js, which lies at the root of the site, next to
// index.html: this works at a domain root and under any sub-path.
const precache = ['./', ...files];
// Names with Trunk's content hash never change meaning: a copy in the HTTP cache (say, from
// the page load that registered this worker) is good. The others are revalidated.
const hashed = precache.filter((f) => /-[0-9a-f]{12,}(_bg)?\.[a-z]+$/.test(f));

const sw = `// Podium's service worker, generated by scripts/gen-sw.mjs: do not edit.
// Precaches the built site (file names carry content hashes) and serves it cache-first, so
// after the first visit the site needs no network at all. VERSION is the combined hash of
// every file: any change to the site gives a new sw.js, which the browser installs on the
// next online visit; the new worker takes over at once and deletes older versions' caches
// (register-sw.js then shows "Podium was updated — reload").
'use strict';

const VERSION = '${version}';
const FILES = ${JSON.stringify(precache, null, 2)};
const HASHED = new Set(${JSON.stringify(hashed)});

// One cache per site and version; the scope keeps two copies of Podium on one origin (say
// /podium/ and /podium-next/) from deleting each other's caches.
const PREFIX = 'podium:' + self.registration.scope + ':';
const CACHE = PREFIX + VERSION;
const INDEX = new URL('index.html', self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // Hashed files may come from the HTTP cache; index.html and the other unhashed files are
      // revalidated, so they are the ones this sw.js describes.
      .then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: HASHED.has(f) ? 'default' : 'no-cache' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const hit = await cache.match(request, { ignoreSearch: true });
      if (hit) return hit;
      if (request.mode === 'navigate') {
        // The app keeps its state in the URL fragment: any page of the site is index.html.
        return fetch(request).catch(async () => (await cache.match(INDEX)) ?? Response.error());
      }
      return fetch(request);
    }),
  );
});
`;
// Under `trunk serve` every rebuild must show at once: that sw.js caches nothing, serves
// nothing and deletes the caches a release build may have left on this origin.
const devSw = `// Podium's service worker for \`trunk serve\`, generated by scripts/gen-sw.mjs: no caching.
'use strict';
const PREFIX = 'podium:' + self.registration.scope + ':';
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX)).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});
`;
writeFileSync(join(dir, 'sw.js'), devServer ? devSw : sw);

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const total = files.reduce((n, f) => n + statSync(join(dir, f)).size, 0);
console.error(
  `gen-sw: ${moved ? 'moved the inline loader to boot-*.js, ' : ''}` +
    (devServer
      ? 'trunk serve: no CSP, a sw.js that caches nothing'
      : `CSP meta added, sw.js ${version} precaches ${files.length} files (${kib(total)})`),
);
