// Offline and distribution: the served build under its Content-Security-Policy, the service
// worker (offline reload, update notice), the web app manifest, and the single-file build
// opened from file://. Run against dist/ (or $DIST); the single file is built from that same
// folder into a temporary directory by scripts/single-file.mjs, so it always matches.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { repoRoot, screenshot, startSite, TEST_TIMEOUT_MS, until, viewports } from './lib.mjs';
import { serveDir } from './serve.mjs';

const DIST = process.env.DIST ?? join(repoRoot, 'dist');
const SEARCH = 'input[type=search][aria-label="Search passages"]';
const RESULTS = 'ol#results article.passage';
const STOLTENBERG = 'section[data-facet=speaker] li.facet-value[data-id="jens-stoltenberg"] button.include';
const isCspMessage = (text) => /Content Security Policy|Content-Security-Policy|Refused to/i.test(text);

/** `#result-count` as numbers: "24 of 35 passages" → { shown: 24, total: 35 }. */
async function resultCount(page) {
  const text = (await page.locator('#result-count').innerText()).replace(/\s+/g, ' ').trim();
  const m = text.match(/^(\d+) of (\d+) passages?$/);
  assert.ok(m, `#result-count reads "${text}"`);
  return { shown: Number(m[1]), total: Number(m[2]) };
}

/**
 * Open `url` in a fresh context with recorders attached before the navigation starts:
 * `page.afterLoad` (every request the page makes once its load event has fired), `page.csp`
 * (console messages and securitypolicyviolation events about the CSP) and, from lib.mjs,
 * `page.errors`. Resolves once the app shows its result count.
 */
async function openRecorded(site, url, viewport = viewports.desktop) {
  const page = await site.open(viewport, { url: 'about:blank' });
  page.afterLoad = [];
  page.csp = [];
  let loaded = false;
  page.on('load', () => {
    loaded = true;
  });
  page.on('request', (req) => {
    // A new page load (a reload, the "reload" button) starts recording afresh at its load event.
    if (req.isNavigationRequest() && req.frame() === page.mainFrame()) loaded = false;
    else if (loaded) page.afterLoad.push(`${req.method()} ${req.url()}`);
  });
  page.on('console', (msg) => {
    if (isCspMessage(msg.text())) page.csp.push(`console ${msg.type()}: ${msg.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`Refused to load (securitypolicyviolation): ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  await page.locator('#result-count').waitFor({ timeout: 20_000 });
  return page;
}

/**
 * Use the app as a reader would: filter by a speaker, search, open the matrix, open a passage
 * in its document. Asserts that each step changes what is shown; works online and offline.
 */
async function useEveryFeature(page) {
  const all = await until(() => resultCount(page), (c) => c.total > 0 && c.shown === c.total, 'all passages listed');
  assert.ok((await page.locator(RESULTS).count()) > 0, 'passages are listed');

  await page.locator(STOLTENBERG).click();
  const bySpeaker = await until(
    () => resultCount(page),
    (c) => c.shown > 0 && c.shown < all.total,
    'filtering by Jens Stoltenberg narrows the list',
  );
  assert.equal(bySpeaker.total, all.total);

  await page.locator(SEARCH).fill('kosovo');
  await until(
    () => resultCount(page),
    (c) => c.shown > 0 && c.shown < bySpeaker.shown,
    'searching "kosovo" narrows the list further',
  );
  await page.locator(SEARCH).fill('');
  await until(() => resultCount(page), (c) => c.shown === bySpeaker.shown, 'clearing the search restores the list');

  if (!(await page.locator('table#matrix').isVisible())) {
    await page.locator('details.matrix-panel > summary').click();
  }
  await page.locator('table#matrix').waitFor({ state: 'visible', timeout: 5_000 });
  assert.ok((await page.locator('table#matrix button.cell').count()) > 0, 'the matrix has cells');

  await page.locator(RESULTS).first().locator('button.open').click();
  await page.locator('section#document').waitFor({ timeout: 5_000 });
  assert.ok((await page.locator('section#document').innerText()).length > 100, 'the document view shows text');
}

describe('the served site', { timeout: TEST_TIMEOUT_MS * 6 }, () => {
  let site;
  let work; // a copy of dist/, served by its own server so a test can cut it off or change it
  before(async () => {
    site = await startSite({ dist: DIST });
    work = mkdtempSync(join(tmpdir(), 'podium-offline-'));
  });
  after(async () => {
    await site?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** Serve a fresh copy of dist/ (optionally under a sub-path); returns { dir, url, close }. */
  async function serveCopy(name, prefix = '/') {
    const dir = join(work, name);
    cpSync(DIST, dir, { recursive: true });
    const server = await serveDir(dir, { prefix });
    return { dir, ...server };
  }

  /** Wait until the service worker controls the page and its cache is complete. */
  async function waitForServiceWorker(page) {
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
  }

  test('its index.html carries the CSP, loads no inline script and precaches every built file', () => {
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/)?.[1];
    assert.ok(csp, 'a CSP meta element');
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    assert.deepEqual(directives['default-src'], ["'self'"]);
    assert.deepEqual(directives['script-src'], ["'self'", "'wasm-unsafe-eval'"]);
    assert.ok(!csp.includes("'unsafe-eval'") && !/script-src[^;]*'unsafe-inline'/.test(csp), 'no unsafe-eval, no inline script');
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'), 'the CSP comes before any script');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.ok(scripts.length >= 2, 'the loader and the service-worker registration');
    for (const [tag, attrs, body] of scripts) {
      assert.match(attrs, /\bsrc="/, `external script: ${tag.slice(0, 80)}`);
      assert.equal(body.trim(), '', 'no inline code');
    }

    const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
    const files = JSON.parse(sw.match(/const FILES = (\[[\s\S]*?\]);/)[1]);
    const built = readdirSync(DIST, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath ?? e.path, e.name).slice(DIST.length + 1).split('\\').join('/'))
      .filter((f) => f !== 'sw.js');
    assert.deepEqual([...files].sort(), ['./', ...built].sort(), 'sw.js lists every built file');
    for (const kind of [/^podium-[0-9a-f]+\.js$/, /_bg\.wasm$/, /^main-[0-9a-f]+\.css$/, /^index\.html$/, /^icon-512\.png$/]) {
      assert.ok(files.some((f) => kind.test(f)), `precached: ${kind}`);
    }
    assert.match(sw, /const VERSION = '[0-9a-f]{16}'/, 'a versioned cache');
  });

  test('is installable: the manifest names Podium, starts at ./, runs standalone and has its icons', async () => {
    const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.webmanifest'), 'utf8'));
    assert.equal(manifest.name, 'Podium');
    assert.equal(manifest.start_url, './');
    assert.equal(manifest.display, 'standalone');
    assert.ok(manifest.theme_color && manifest.background_color, 'theme colours');
    for (const size of [192, 512]) {
      const icon = manifest.icons.find((i) => i.sizes === `${size}x${size}`);
      assert.ok(icon, `a ${size}px icon`);
      const png = readFileSync(join(DIST, icon.src));
      assert.equal(png.subarray(1, 4).toString(), 'PNG');
      assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [size, size], `${icon.src} is ${size}x${size}`);
    }

    // Chromium itself parses the manifest the page links to, without errors.
    const page = await openRecorded(site, site.url);
    const cdp = await page.context().newCDPSession(page);
    const { url, errors, data } = await cdp.send('Page.getAppManifest');
    assert.match(url, /manifest\.webmanifest$/);
    assert.deepEqual(errors, []);
    assert.equal(JSON.parse(data).name, 'Podium');
    assert.deepEqual(page.errors, []);
  });

  test('makes no request after load, whatever the reader does, and reports no CSP violation', { timeout: TEST_TIMEOUT_MS }, async () => {
    const page = await openRecorded(site, site.url);
    await useEveryFeature(page);
    await page.waitForTimeout(300); // let anything the clicks set off start
    assert.deepEqual(page.afterLoad, [], 'requests after the load event');
    assert.deepEqual(page.csp, [], 'CSP messages');
    assert.deepEqual(page.errors, []);
  });

  test('after a reload with the network cut, still shows every passage, and filters, searches and opens documents', { timeout: TEST_TIMEOUT_MS }, async () => {
    const copy = await serveCopy('cut', '/podium/');
    const page = await openRecorded(site, copy.url);
    await waitForServiceWorker(page);

    // Cut the network twice over: the browser context goes offline and the server stops.
    await copy.close();
    await page.context().setOffline(true);
    const served = [];
    page.on('response', (res) => served.push({ url: res.url(), fromServiceWorker: res.fromServiceWorker() }));
    await page.reload({ waitUntil: 'load' });
    await page.locator('#result-count').waitFor({ timeout: 20_000 });

    assert.ok(served.length >= 4, 'the page, its script, wasm and stylesheet were served');
    assert.deepEqual(served.filter((r) => !r.fromServiceWorker), [], 'every response came from the service worker');
    await useEveryFeature(page);
    await screenshot(page, 'offline-reload-1280x800');
    assert.deepEqual(page.afterLoad, [], 'requests after the load event');
    assert.deepEqual(page.csp, [], 'CSP messages');
    assert.deepEqual(page.errors, []);
  });

  test('picks up a new version on the next online visit, shows "updated — reload" and drops the old cache', { timeout: TEST_TIMEOUT_MS }, async () => {
    const copy = await serveCopy('update');
    try {
      const page = await openRecorded(site, copy.url);
      await waitForServiceWorker(page);
      const cachesBefore = await page.evaluate(() => caches.keys());
      assert.equal(cachesBefore.length, 1, 'one cache for the first version');
      assert.equal(await page.locator('#sw-update').count(), 0, 'no notice on the first visit');

      // Deploy a new version: a changed index.html and the sw.js a build would give for it.
      const html = readFileSync(join(copy.dir, 'index.html'), 'utf8');
      writeFileSync(join(copy.dir, 'index.html'), html.replace('</head>', '<meta name="podium-test" content="v2" /></head>'));
      execFileSync(process.execPath, [join(repoRoot, 'scripts', 'gen-sw.mjs'), copy.dir], { stdio: 'pipe' });

      // The next visit still shows the cached version, finds the new one and says so.
      await page.reload({ waitUntil: 'load' });
      await page.locator('#result-count').waitFor({ timeout: 20_000 });
      const notice = page.locator('#sw-update[role=status]');
      await notice.waitFor({ timeout: 20_000 });
      assert.match(await notice.innerText(), /updated — reload/);
      await screenshot(page, 'update-notice-1280x800');
      const cachesAfter = await until(() => page.evaluate(() => caches.keys()), (k) => k.length === 1 && k[0] !== cachesBefore[0], 'only the new cache is left');
      assert.ok(cachesAfter[0].endsWith(readFileSync(join(copy.dir, 'sw.js'), 'utf8').match(/VERSION = '([0-9a-f]+)'/)[1]));

      // "reload" shows the new version.
      await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'reload' }).click()]);
      await page.locator('#result-count').waitFor({ timeout: 20_000 });
      assert.equal(await page.locator('meta[name=podium-test]').getAttribute('content'), 'v2');
      assert.equal(await page.locator('#sw-update').count(), 0);
      assert.deepEqual(page.csp, [], 'CSP messages');
      assert.deepEqual(page.errors, []);
    } finally {
      await copy.close();
    }
  });
});

describe('the single-file build', { timeout: TEST_TIMEOUT_MS * 2 }, () => {
  let site;
  let dir;
  let file;
  before(async () => {
    site = await startSite({ dist: DIST });
    dir = mkdtempSync(join(tmpdir(), 'podium-single-'));
    file = join(dir, 'podium.html');
    execFileSync(process.execPath, [join(repoRoot, 'scripts', 'single-file.mjs'), DIST, file], { stdio: 'pipe' });
  });
  after(async () => {
    await site?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('is one HTML file whose only script and style are allowed by their hashes', () => {
    assert.ok(existsSync(file));
    const html = readFileSync(file, 'utf8');
    assert.doesNotMatch(html, /<script\b[^>]*\bsrc=|<link\b[^>]*rel="(stylesheet|preload|modulepreload|manifest)"/, 'no external script or style');
    const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/)?.[1];
    assert.match(csp, /script-src 'sha256-[A-Za-z0-9+/]+=*' 'wasm-unsafe-eval'/);
    assert.match(csp, /worker-src blob:/);
    assert.doesNotMatch(csp, /'unsafe-eval'|'unsafe-inline'/);
  });

  test('imports a pasted document from file://, through its inlined worker', { timeout: TEST_TIMEOUT_MS }, async () => {
    const page = await openRecorded(site, pathToFileURL(file).href);
    const before = await until(() => resultCount(page), (c) => c.total > 0, 'passages listed');
    await page.locator('#import-toggle').click();
    await page.locator('#import-paste').fill('Doorstep\n\n12 May 2023\n\nMR. PRICE: KFOR stays.\n\nQUESTION: Why?\n\nMR. PRICE: Because.\n');
    await page.getByRole('button', { name: 'Add pasted text' }).click();
    await until(() => page.locator('.import-reports').innerText(), (t) => /doorstep\.txt[\s\S]*transcript · 3 turns/.test(t), 'the pasted text is reported');
    await until(() => resultCount(page), (c) => c.total === before.total + 3, 'its passages join the list');
    assert.deepEqual(page.afterLoad.filter((r) => !r.includes(' blob:')), [], 'requests after the load event, besides the worker\'s blob:');
    assert.deepEqual(page.csp, [], 'CSP messages');
    assert.deepEqual(page.errors, []);
  });

  test('opens from file:// with no server and shows the corpus, filters, searches, the matrix and documents', { timeout: TEST_TIMEOUT_MS }, async () => {
    const url = pathToFileURL(file).href;
    const page = await openRecorded(site, url);
    assert.equal(await page.title(), 'Podium');
    await useEveryFeature(page);
    await screenshot(page, 'single-file-1280x800');
    assert.equal(await page.evaluate(() => location.protocol), 'file:');
    assert.deepEqual(page.afterLoad, [], 'requests after the load event');
    assert.deepEqual(page.csp, [], 'CSP messages');
    assert.deepEqual(page.errors, []);
  });
});
