#!/usr/bin/env node
// Podium in headless Chromium at one corpus size, with Pagefind side by side on the same
// passages, in the same browser. Prints a summary and writes the figures as JSON.
//
//   node bench/browser.mjs CORPUS_DIR [--label NAME] [--dist DIR] [--out FILE] [--rounds N]
//
// CORPUS_DIR  the corpus folder (e.g. corpus, target/bench-corpus/1000)
// --dist DIR  a Podium build of that corpus; without it, one is built into
//             target/bench/podium-<label> (PODIUM_CORPUS=CORPUS_DIR trunk build --release
//             --offline, cargo target dir target/bench-app so the main build is untouched)
// --out FILE  JSON results (default target/bench/browser-<label>.json)
// --rounds N  page loads / typing rounds / facet rounds per measure (default 3)
//
// Podium: navigation to first result painted (first `#results article.passage`, then the next
// animation frame), the same with `#q=WORD` in the URL, keystroke to next frame while typing
// WORD (the app's `podium:keystroke` measures), speaker facet click to the next frame after
// `#result-count` changed, JS heap (CDP Runtime.getHeapUsage), wasm linear memory (the
// instance's `memory.buffer.byteLength`, caught by wrapping WebAssembly.instantiate*), and
// bytes transferred (response bodies; the test server sends no Content-Encoding).
//
// Pagefind: one HTML page per passage (speaker, topic and document as filters) from
// `podium-cli inspect --json`, indexed by node_modules/.bin/pagefind; a page that imports
// pagefind.js, searches WORD and renders the first result: navigation to first result painted
// and the bytes fetched until then; then per keystroke, `pagefind.search(prefix)` plus
// `data()` of the first 10 results (what a result list shows) to the next frame, typing WORD
// again, debouncing off.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

import { serveDir } from '../e2e/serve.mjs';
import { repoRoot } from '../e2e/lib.mjs';

const WORD = 'troops';
const LOAD_TIMEOUT_MS = 120_000;

// --- arguments --------------------------------------------------------------------------------
const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(name);
  if (i < 0) return fallback;
  const v = argv[i + 1];
  argv.splice(i, 2);
  return v;
};
const label0 = opt('--label');
const distArg = opt('--dist');
const outArg = opt('--out');
const rounds = Number(opt('--rounds', '3'));
if (argv.length !== 1) {
  console.error('usage: node bench/browser.mjs CORPUS_DIR [--label NAME] [--dist DIR] [--out FILE] [--rounds N]');
  process.exit(2);
}
const corpusDir = resolve(argv[0]);
const label = label0 ?? basename(corpusDir);
const work = join(repoRoot, 'target', 'bench');
const out = outArg ?? join(work, `browser-${label}.json`);
mkdirSync(work, { recursive: true });

const log = (...a) => console.error(`browser[${label}]:`, ...a);
const env = {
  ...process.env,
  PATH: `${join(repoRoot, 'node_modules', '.bin')}:${process.env.HOME}/.cargo/bin:${process.env.PATH}`,
  TRUNK_SKIP_VERSION_CHECK: 'true',
};
const run = (cmd, args, options = {}) => {
  const t = performance.now();
  const r = execFileSync(cmd, args, { env, cwd: repoRoot, maxBuffer: 1 << 30, timeout: 1_500_000, ...options });
  return { stdout: r, ms: performance.now() - t };
};

const stats = (xs) => {
  const s = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  if (!s.length) return null;
  const at = (p) => s[Math.min(s.length - 1, Math.floor((s.length - 1) * p))];
  const r = (x) => Number(x.toFixed(2));
  return { n: s.length, median: r(at(0.5)), p95: r(at(0.95)), min: r(s[0]), max: r(s[s.length - 1]) };
};

// --- Podium build -----------------------------------------------------------------------------
let dist = distArg && resolve(distArg);
let buildMs = null;
if (!dist) {
  dist = join(work, `podium-${label}`);
  log(`building Podium for ${corpusDir} into ${dist}`);
  const r = run('trunk', ['build', '--release', '--offline', '--dist', dist], {
    env: { ...env, PODIUM_CORPUS: corpusDir, CARGO_TARGET_DIR: join(repoRoot, 'target', 'bench-app') },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  buildMs = r.ms;
}
if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist}/index.html is missing`);

// --- Pagefind site ----------------------------------------------------------------------------
const esc = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const site = join(work, `pagefind-${label}`);
rmSync(site, { recursive: true, force: true });
mkdirSync(join(site, 'p'), { recursive: true });
const files = run('bash', ['-c', 'ls "$0"/*.txt "$0"/*.md 2>/dev/null || true', corpusDir]).stdout.toString().split('\n').filter(Boolean);
const cli = join(repoRoot, 'target', 'release', 'podium-cli');
if (!existsSync(cli)) run('cargo', ['build', '--release', '-q', '-p', 'podium-cli'], { stdio: ['ignore', 'ignore', 'inherit'] });
// inspect reads topics.toml/speakers.toml from the files' folder; xargs-free: one call.
const model = JSON.parse(run(cli, ['inspect', '--json', ...files]).stdout.toString());
const speakers = new Map(model.speakers.map((s) => [s.id, s]));
const topics = new Map(model.topics.map((t) => [t.id, t]));
let pages = 0;
for (const doc of model.documents) {
  doc.passages.forEach((p, i) => {
    const sp = p.speaker ? speakers.get(p.speaker) : null;
    const who = sp ? sp.name : 'Unattributed';
    const filters = [
      `<span data-pagefind-filter="speaker">${esc(who)}</span>`,
      `<span data-pagefind-filter="document">${esc(doc.title)}</span>`,
      ...p.topics.map((t) => `<span data-pagefind-filter="topic">${esc(topics.get(t)?.label ?? t)}</span>`),
    ].join('');
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(who)} — ${esc(doc.title)}</title></head>` +
      `<body><main data-pagefind-body><h1>${esc(who)}</h1><p>${esc(p.text)}</p>` +
      `<p data-pagefind-meta="document">${esc(doc.title)}</p><div hidden>${filters}</div></main></body></html>`;
    writeFileSync(join(site, 'p', `${pages}.html`), html);
    pages++;
  });
}
// The search page: module script, so it runs after parsing; no framework, plain DOM.
writeFileSync(
  join(site, 'index.html'),
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pagefind bench</title>
<script type="module" src="search.mjs"></script></head><body><input id="q" type="search"><div id="results"></div></body></html>`,
);
writeFileSync(
  join(site, 'search.mjs'),
  `const pf = await import('./pagefind/pagefind.js');
await pf.options({ excerptLength: 30 });
await pf.init();
window.pagefind = pf;
const show = async (term, n) => {
  const t0 = performance.now();
  const r = await pf.search(term);
  const searchMs = performance.now() - t0;
  const data = await Promise.all(r.results.slice(0, n).map((x) => x.data()));
  const box = document.getElementById('results');
  box.replaceChildren(...data.map((d) => {
    const a = document.createElement('article');
    a.className = 'passage';
    const h = document.createElement('h2'); h.textContent = d.meta.title;
    const p = document.createElement('p'); p.innerHTML = d.excerpt;
    a.append(h, p);
    return a;
  }));
  return { n: r.results.length, searchMs };
};
window.show = show;
const term = new URLSearchParams(location.hash.slice(1)).get('q');
if (term) {
  await show(term, 10);
  requestAnimationFrame(() => { window.__firstResultPaint = performance.now(); });
}
`,
);
log(`pagefind: ${pages} pages from ${model.documents.length} documents; indexing`);
rmSync(join(site, 'p', 'pagefind'), { recursive: true, force: true });
const indexed = run(join(repoRoot, 'node_modules', '.bin', 'pagefind'), ['--site', site, '--glob', 'p/**/*.html', '--output-path', join(site, 'pagefind')], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const pagefindIndexMs = indexed.ms;
const pagefindBytes = Number(run('du', ['-sb', join(site, 'pagefind')]).stdout.toString().split('\t')[0]);

// --- browser ----------------------------------------------------------------------------------
const INIT = `
  window.__wasm = [];
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const orig = WebAssembly[name];
    WebAssembly[name] = async function (...args) {
      const r = await orig.apply(this, args);
      window.__wasm.push(r.instance ?? r);
      return r;
    };
  }
  new MutationObserver((_, obs) => {
    if (document.querySelector('#results article.passage')) {
      window.__firstResult = performance.now();
      requestAnimationFrame(() => { window.__firstResultPaint = performance.now(); });
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'],
  timeout: 30_000,
});

/** A fresh context and page; every response body counted in `page.bytes` (raw and gzip -9). */
async function openPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript(INIT);
  page.responsesLog = [];
  page.on('response', async (resp) => {
    const at = Date.now();
    try {
      const body = await resp.body();
      page.responsesLog.push({ url: resp.url(), at, raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
    } catch {
      /* redirects have no body */
    }
  });
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  return { context, page };
}

async function loadUntilFirstResult(page, url) {
  const started = Date.now();
  await page.goto(url, { waitUntil: 'commit', timeout: LOAD_TIMEOUT_MS });
  await page.waitForFunction(() => typeof window.__firstResultPaint === 'number', null, { timeout: LOAD_TIMEOUT_MS, polling: 20 });
  const done = Date.now();
  await page.waitForTimeout(200); // let response bodies be read
  const nav = await page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0];
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    return {
      firstResultPaint: window.__firstResultPaint,
      firstResult: window.__firstResult ?? null,
      responseEnd: n.responseEnd,
      domContentLoaded: n.domContentLoadedEventEnd,
      load: n.loadEventEnd || null,
      fcp: fcp ? fcp.startTime : null,
    };
  });
  const before = page.responsesLog.filter((r) => r.at <= done + 5);
  nav.bytesRaw = before.reduce((a, r) => a + r.raw, 0);
  nav.bytesGzip = before.reduce((a, r) => a + r.gzip, 0);
  nav.requests = before.length;
  nav.wallMs = done - started;
  return nav;
}

async function memory(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage').catch(() => {});
  const heap = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() =>
    (window.__wasm ?? []).map((i) => i.exports?.memory?.buffer?.byteLength ?? null).filter((x) => x !== null),
  );
  return { jsHeapUsed: heap.usedSize, jsHeapTotal: heap.totalSize, wasmMemory: wasm.length ? wasm.reduce((a, b) => a + b, 0) : null, wasmInstances: wasm.length };
}

const results = { label, corpus: corpusDir, word: WORD, rounds, podium: {}, pagefind: {} };

// --- Podium -----------------------------------------------------------------------------------
const podiumServer = await serveDir(dist);
try {
  const loads = [];
  const loadsQ = [];
  const keys = [];
  const facet = [];
  let mem = null;
  let counts = null;
  for (let round = 0; round < rounds; round++) {
    // Cold load, empty query (all passages).
    {
      const { context, page } = await openPage();
      loads.push(await loadUntilFirstResult(page, podiumServer.url));
      if (round === 0) {
        mem = await memory(page);
        counts = await page.locator('#result-count').innerText();
      }
      // Typing WORD, a keystroke every 30 ms or so, as in e2e/typing.test.mjs.
      const search = page.getByRole('searchbox', { name: 'Search passages' });
      await search.click();
      await page.evaluate(() => performance.clearMeasures('podium:keystroke'));
      for (const key of WORD) {
        await page.keyboard.type(key);
        await page.waitForTimeout(30);
      }
      await page.waitForFunction((n) => performance.getEntriesByName('podium:keystroke').length >= n, WORD.length, { timeout: 30_000 });
      keys.push(...(await page.evaluate(() => performance.getEntriesByName('podium:keystroke').map((e) => e.duration))));
      if (round === 0) results.podium.afterTyping = { count: await page.locator('#result-count').innerText(), ...(await memory(page)) };
      await search.fill('');
      await page.waitForTimeout(200);
      // Speaker facet: include on, then off, for the first three speakers; each click timed
      // to the frame after #result-count changed.
      const n = Math.min(3, await page.locator('section.facet[data-facet="speaker"] li.facet-value button.include').count());
      for (let i = 0; i < n; i++) {
        for (let k = 0; k < 2; k++) {
          facet.push(
            await page.evaluate(async (i) => {
              const button = document.querySelectorAll('section.facet[data-facet="speaker"] li.facet-value button.include')[i];
              const count = document.getElementById('result-count');
              const before = count.textContent;
              const t0 = performance.now();
              button.click();
              const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
              for (let f = 0; f < 300; f++) {
                await frame();
                if (count.textContent !== before) return performance.now() - t0;
              }
              return null; // count did not change (a speaker with every passage)
            }, i),
          );
        }
      }
      if (page.errors.length) results.podium.errors = page.errors;
      await context.close();
    }
    // Cold load with the search in the URL: comparable with Pagefind's first result.
    {
      const { context, page } = await openPage();
      loadsQ.push(await loadUntilFirstResult(page, `${podiumServer.url}#q=${WORD}`));
      await context.close();
    }
    log(`podium round ${round + 1}/${rounds} done`);
  }
  results.podium = {
    ...results.podium,
    dist,
    buildMs,
    passages: counts,
    firstResultPaintMs: stats(loads.map((l) => l.firstResultPaint)),
    firstResultPaintWithQueryMs: stats(loadsQ.map((l) => l.firstResultPaint)),
    fcpMs: stats(loads.map((l) => l.fcp)),
    domContentLoadedMs: stats(loads.map((l) => l.domContentLoaded)),
    bytesToFirstResult: { raw: loads[0].bytesRaw, gzip: loads[0].bytesGzip, requests: loads[0].requests },
    bytesToFirstResultWithQuery: { raw: loadsQ[0].bytesRaw, gzip: loadsQ[0].bytesGzip, requests: loadsQ[0].requests },
    keystrokeMs: stats(keys),
    facetToggleMs: stats(facet),
    facetTimeouts: facet.filter((x) => x === null).length,
    memory: mem,
    loads,
  };
} finally {
  await podiumServer.close();
}

// --- Pagefind ---------------------------------------------------------------------------------
const pfServer = await serveDir(site);
try {
  const loads = [];
  const keys = [];
  const searchOnly = [];
  let mem = null;
  for (let round = 0; round < rounds; round++) {
    const { context, page } = await openPage();
    loads.push(await loadUntilFirstResult(page, `${pfServer.url}#q=${WORD}`));
    // Per keystroke: the prefixes of WORD, each searched and its first 10 results loaded and
    // rendered, timed to the next frame. A fresh page, so the first keystrokes fetch chunks.
    const { context: c2, page: p2 } = await openPage();
    await p2.goto(pfServer.url, { waitUntil: 'load' });
    await p2.waitForFunction(() => typeof window.show === 'function', null, { timeout: LOAD_TIMEOUT_MS });
    const timed = await p2.evaluate(async (word) => {
      const out = [];
      const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
      for (let i = 1; i <= word.length; i++) {
        const t0 = performance.now();
        const { searchMs } = await window.show(word.slice(0, i), 10);
        await frame();
        out.push({ full: performance.now() - t0, searchOnly: searchMs });
      }
      return out;
    }, WORD);
    keys.push(...timed.map((t) => t.full));
    searchOnly.push(...timed.map((t) => t.searchOnly));
    if (round === 0) {
      mem = await memory(p2);
      const typed = p2.responsesLog;
      results.pagefind.bytesAfterTyping = { raw: typed.reduce((a, r) => a + r.raw, 0), requests: typed.length };
    }
    if (page.errors.length || p2.errors.length) results.pagefind.errors = [...page.errors, ...p2.errors];
    await context.close();
    await c2.close();
    log(`pagefind round ${round + 1}/${rounds} done`);
  }
  results.pagefind = {
    ...results.pagefind,
    site,
    pages,
    indexMs: pagefindIndexMs,
    indexBytes: pagefindBytes,
    firstResultPaintMs: stats(loads.map((l) => l.firstResultPaint)),
    bytesToFirstResult: { raw: loads[0].bytesRaw, gzip: loads[0].bytesGzip, requests: loads[0].requests },
    keystrokeMs: stats(keys),
    keystrokeSearchOnlyMs: stats(searchOnly),
    memory: mem,
    loads,
  };
} finally {
  await pfServer.close();
  await browser.close();
}

writeFileSync(out, JSON.stringify(results, null, 2));
const p = results.podium;
const f = results.pagefind;
const ratio = (a, b) => (a != null && b ? `${(a / b).toFixed(2)}×` : 'n/a');
console.log(`\n${label}: ${p.passages} (Pagefind: ${f.pages} pages)\n`);
console.log('| measure | Podium | Pagefind | Podium ÷ Pagefind |');
console.log('| --- | ---: | ---: | ---: |');
console.log(`| first result painted, #q=${WORD} (median ms) | ${p.firstResultPaintWithQueryMs?.median} | ${f.firstResultPaintMs?.median} | ${ratio(p.firstResultPaintWithQueryMs?.median, f.firstResultPaintMs?.median)} |`);
console.log(`| bytes to first result, as served | ${p.bytesToFirstResultWithQuery.raw} | ${f.bytesToFirstResult.raw} | ${ratio(p.bytesToFirstResultWithQuery.raw, f.bytesToFirstResult.raw)} |`);
console.log(`| bytes to first result, gzip -9 per response | ${p.bytesToFirstResultWithQuery.gzip} | ${f.bytesToFirstResult.gzip} | ${ratio(p.bytesToFirstResultWithQuery.gzip, f.bytesToFirstResult.gzip)} |`);
console.log(`| keystroke to next frame, median ms | ${p.keystrokeMs?.median} | ${f.keystrokeMs?.median} | ${ratio(p.keystrokeMs?.median, f.keystrokeMs?.median)} |`);
console.log(`| keystroke to next frame, p95 ms | ${p.keystrokeMs?.p95} | ${f.keystrokeMs?.p95} | ${ratio(p.keystrokeMs?.p95, f.keystrokeMs?.p95)} |`);
console.log(`| JS heap used after load (MB) | ${(p.memory.jsHeapUsed / 1e6).toFixed(1)} | ${(f.memory.jsHeapUsed / 1e6).toFixed(1)} | ${ratio(p.memory.jsHeapUsed, f.memory.jsHeapUsed)} |`);
console.log(`| wasm memory (MB) | ${p.memory.wasmMemory == null ? 'n/a' : (p.memory.wasmMemory / 1e6).toFixed(1)} | ${f.memory.wasmMemory == null ? 'n/a' : (f.memory.wasmMemory / 1e6).toFixed(1)} | ${ratio(p.memory.wasmMemory, f.memory.wasmMemory)} |`);
console.log(`\nPodium only: first result painted (empty query) median ${p.firstResultPaintMs?.median} ms (FCP ${p.fcpMs?.median} ms), ` +
  `${p.bytesToFirstResult.raw} bytes; facet toggle to next frame median ${p.facetToggleMs?.median} ms, p95 ${p.facetToggleMs?.p95} ms` +
  `${p.facetTimeouts ? ` (${p.facetTimeouts} clicks did not change the count)` : ''}.`);
console.log(`Pagefind only: index built in ${(f.indexMs / 1000).toFixed(1)} s, ${f.indexBytes} bytes on disk; search alone per keystroke median ${f.keystrokeSearchOnlyMs?.median} ms.`);
console.log(`JSON: ${out}`);
