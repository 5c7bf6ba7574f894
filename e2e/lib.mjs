// Shared set-up for the browser tests: Debian's Chromium driven by playwright-core, the built
// site (dist/) served by e2e/serve.mjs, and a page that records every console error.
//
//   const site = await startSite();              // before()
//   const page = await site.open({ width: 1280, height: 800 });
//   ... assertions ...
//   assert.deepEqual(page.errors, []);
//   await site.stop();                           // after()
//
// Environment: CHROMIUM (path to the browser; default: chromium on PATH, then /usr/bin/chromium),
// DIST (folder to serve; default: dist/ at the repository root).

import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { serveDir } from './serve.mjs';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const screenshotDir = join(repoRoot, 'e2e', 'screenshots');

/** The two viewports every page is checked and photographed at. */
export const viewports = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
};

/** How long one test may take before it fails instead of hanging CI. */
export const TEST_TIMEOUT_MS = 60_000;

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function chromiumPath() {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'chromium');
    if (dir && existsSync(candidate)) return candidate;
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  throw new Error('Chromium not found: run `make setup-test` or set CHROMIUM=/path/to/chromium');
}

/**
 * Serve `dist` (optionally under a sub-path such as '/podium/') and launch a headless Chromium
 * with a fresh profile. Returns `{ url, open(viewport), stop() }`.
 */
export async function startSite({ prefix = '/', dist = process.env.DIST ?? join(repoRoot, 'dist') } = {}) {
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(`${dist}/index.html is missing: run \`make build\` first`);
  }
  const server = await serveDir(dist, { prefix });
  let browser;
  try {
    // Playwright gives every launch its own temporary user-data-dir and deletes it on close.
    browser = await chromium.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: 30_000,
    });
  } catch (err) {
    await server.close();
    throw err;
  }

  return {
    url: server.url,
    /**
     * Open the site in a new context at `viewport` ('light' or 'dark' `colorScheme`); the page
     * carries `errors`, every console error, uncaught exception and failed request as a string.
     */
    async open(viewport = viewports.desktop, { url = server.url, colorScheme = 'light', bypassCSP = false } = {}) {
      // bypassCSP only for tests that inject a testing library (axe); the app's own CSP is
      // checked everywhere else.
      const context = await browser.newContext({ viewport, colorScheme, bypassCSP });
      const page = await context.newPage();
      page.errors = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') page.errors.push(`console: ${msg.text()}`);
      });
      page.on('pageerror', (err) => page.errors.push(`page: ${err.message}`));
      page.on('requestfailed', (req) =>
        page.errors.push(`request: ${req.url()} ${req.failure()?.errorText ?? ''}`),
      );
      await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
      return page;
    },
    async stop() {
      await browser?.close();
      await server.close();
    },
  };
}

/** Save a screenshot as e2e/screenshots/<name>.png (the viewport, plus `-full` for the whole page). */
export async function screenshot(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path });
  await page.screenshot({ path: join(screenshotDir, `${name}-full.png`), fullPage: true });
  return path;
}

// ---------------------------------------------------------------------------------------
// The result list is virtualized: only the cards near the viewport are in the DOM. These
// helpers scroll the page to see the others.
// ---------------------------------------------------------------------------------------

/** Retry `get` until `ok(value)` holds, then return the value; fail with the last one. */
export async function until(get, ok, message, timeout = 5_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await get();
    if (ok(value)) return value;
    if (Date.now() > deadline) assert.fail(`${message}: last value ${JSON.stringify(value)}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Resolves after `n` animation frames (the list renders and measures between frames). */
export const frames = (page, n = 3) =>
  page.evaluate(
    (n) =>
      new Promise((ok) => {
        const step = (k) => (k === 0 ? ok() : requestAnimationFrame(() => step(k - 1)));
        step(n);
      }),
    n,
  );

/**
 * Scrolls the page from the top to the bottom, calling `map` (run in the page, on the array
 * of elements matching `selector`; returns `[key, value]` pairs) at each step; returns every
 * pair seen as a Map, in first-seen order, and scrolls back to the top.
 */
export async function scrollCollect(page, selector, map) {
  await page.evaluate(() => window.scrollTo(0, 0));
  const seen = new Map();
  for (let step = 0; step < 2000; step++) {
    await frames(page);
    for (const [k, v] of await page.$$eval(selector, map)) if (!seen.has(k)) seen.set(k, v);
    const atEnd = await page.evaluate(() => {
      const end = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
      if (!end) window.scrollBy(0, Math.max(100, window.innerHeight * 0.6));
      return end;
    });
    if (atEnd) break;
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await frames(page);
  return seen;
}

/**
 * Scrolls until an element matching `selector` is in the DOM (from the top down), and
 * returns its locator; the element stays rendered while the page is not scrolled away.
 */
export async function scrollTo(page, selector) {
  await page.evaluate(() => window.scrollTo(0, 0));
  for (let step = 0; step < 2000; step++) {
    await frames(page);
    if ((await page.locator(selector).count()) > 0) break;
    const atEnd = await page.evaluate(() => {
      const end = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
      if (!end) window.scrollBy(0, Math.max(100, window.innerHeight * 0.6));
      return end;
    });
    if (atEnd) break;
  }
  return page.locator(selector);
}
