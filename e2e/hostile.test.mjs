// Hostile documents in the browser: a separate site is built from the readable documents of
// tests/hostile/ (plus the generated ones and corpus/topics.toml) and each document must
// render as text: no element or attribute from its text reaches the DOM, no script runs (no
// dialog, no console error), and its document view opens. Malicious URL fragments give the
// default view (or a safely ignored one) without errors.
//
// Building the site runs `trunk build` with PODIUM_CORPUS set (about a minute; the next
// `make build` rebuilds the app crate for corpus/ again). HOSTILE_DIST=<folder> reuses a
// site built before.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { repoRoot, screenshot, startSite, TEST_TIMEOUT_MS, viewports } from './lib.mjs';
import { generate, parseExpected } from '../tests/hostile/generate.mjs';

const hostileDir = join(repoRoot, 'tests', 'hostile');
const expected = parseExpected(readFileSync(join(hostileDir, 'expected.toml'), 'utf8'));
const readable = expected.filter((e) => e.expect === 'ok');
const BUILD_TIMEOUT_MS = 20 * 60_000;
// The 10 MB line natively; 1 MB here keeps the site small enough to load fast.
const LONG_LINE_BYTES = 1024 * 1024;

const INJECTED = 'script:not([src]), img[onerror], [onerror], [onload], [onclick], [ontoggle], a[href^="javascript"], iframe, style';
const squash = (s) => s.replace(/\s+/g, ' ').trim();

function buildSite(work) {
  const corpus = join(work, 'corpus');
  mkdirSync(corpus, { recursive: true });
  for (const e of readable) {
    const target = join(corpus, e.file);
    if (e.generate) writeFileSync(target, generate(e.generate, { longLineBytes: LONG_LINE_BYTES }));
    else copyFileSync(join(hostileDir, e.file), target);
  }
  copyFileSync(join(repoRoot, 'corpus', 'topics.toml'), join(corpus, 'topics.toml'));
  const dist = join(work, 'dist-hostile');
  const env = {
    ...process.env,
    PODIUM_CORPUS: corpus,
    TRUNK_SKIP_VERSION_CHECK: 'true',
    PATH: [join(repoRoot, 'node_modules', '.bin'), join(process.env.HOME ?? '', '.cargo', 'bin'), process.env.PATH].join(delimiter),
  };
  execFileSync('trunk', ['build', '--release', '--offline', '--dist', dist], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: BUILD_TIMEOUT_MS,
  });
  return dist;
}

describe('hostile documents in the browser', { timeout: BUILD_TIMEOUT_MS + TEST_TIMEOUT_MS * 6 }, () => {
  let site;
  let work;
  before(
    async () => {
      let dist = process.env.HOSTILE_DIST;
      if (!dist) {
        work = mkdtempSync(join(tmpdir(), 'podium-hostile-'));
        dist = buildSite(work);
      }
      assert.ok(existsSync(join(dist, 'index.html')), `${dist}/index.html`);
      site = await startSite({ dist });
    },
    { timeout: BUILD_TIMEOUT_MS },
  );
  after(async () => {
    await site?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** A page that also records dialogs; `url` may carry a fragment. */
  async function open(url = site.url) {
    const page = await site.open(viewports.desktop, { url: 'about:blank' });
    page.dialogs = [];
    page.on('dialog', async (d) => {
      page.dialogs.push(`${d.type()}: ${d.message()}`);
      await d.dismiss();
    });
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    await page.locator('#result-count').waitFor({ timeout: 30_000 });
    return page;
  }

  async function assertClean(page, where) {
    const injected = await page.evaluate((sel) => [...document.querySelectorAll(sel)].map((e) => e.outerHTML.slice(0, 120)), INJECTED);
    assert.deepEqual(injected, [], `${where}: markup from document text`);
    assert.deepEqual(page.dialogs, [], `${where}: a dialog opened`);
    assert.deepEqual(page.errors, [], `${where}: console errors`);
    assert.equal(await page.evaluate(() => window.__podiumHostile ?? null), null, `${where}: a script ran`);
  }

  test('every readable hostile document shows as text and opens in the document view', { timeout: TEST_TIMEOUT_MS * 4 }, async () => {
    const page = await open();
    assert.match(squash(await page.locator('#result-count').innerText()), /^(\d+) of \1 passages$/);
    await assertClean(page, 'first load');

    for (const e of readable) {
      await page.goto(`${site.url}#doc=${encodeURIComponent(e.file)}`, { waitUntil: 'load' });
      await page.locator('#result-count').waitFor({ timeout: 30_000 });
      const cards = page.locator('ol#results > li > article.passage');
      await page.waitForTimeout(200);
      const count = await cards.count();
      if (e.file === 'labels-only.txt') {
        // Labels are metadata: a file of labels only has no passage to show.
        assert.equal(count, 0, e.file);
        continue;
      }
      assert.ok(count > 0, `${e.file}: no passage shown`);
      const texts = await cards.evaluateAll((els) => els.map((a) => a.querySelector('.text')?.textContent ?? a.textContent));
      if (e.text) assert.ok(texts.some((t) => t.includes(e.text)), `${e.file}: no card shows ${JSON.stringify(e.text)}`);
      await assertClean(page, `${e.file} results`);

      await cards.first().locator('button.open').click();
      const section = page.locator('section#document');
      await section.waitFor({ timeout: 20_000 });
      const shown = await section.evaluate((s) => s.textContent);
      if (e.text) assert.ok(shown.includes(e.text), `${e.file}: document view lacks ${JSON.stringify(e.text)}`);
      await assertClean(page, `${e.file} document view`);
      if (e.file === 'html.txt') await screenshot(page, 'hostile-html-document');
      await page.goto('about:blank');
    }
    await page.context().close();
  });

  test('markup in the text is shown literally, in a card and in the document view', { timeout: TEST_TIMEOUT_MS }, async () => {
    const page = await open(`${site.url}#doc=html.txt`);
    const literal = '<script>alert(1)</script>';
    const card = page.locator('ol#results > li > article.passage').filter({ hasText: literal });
    await card.first().waitFor({ timeout: 20_000 });
    assert.ok((await card.first().locator('.text').textContent()).includes(literal));
    for (const s of ['<img src=x onerror="alert(2)">', '<a href="javascript:alert(4)">here</a>', '&lt;script&gt;alert(7)&lt;/script&gt;']) {
      assert.equal(await page.locator('ol#results').filter({ hasText: s }).count(), 1, `shown literally: ${s}`);
    }
    await card.first().locator('button.open').click();
    const section = page.locator('section#document');
    await section.waitFor({ timeout: 20_000 });
    assert.ok((await section.textContent()).includes(literal));
    // Searching for markup finds it and marks it as text.
    await page.goto(`${site.url}#q=${encodeURIComponent('<script>')}`, { waitUntil: 'load' });
    await page.locator('#result-count').waitFor({ timeout: 20_000 });
    await assertClean(page, 'search for <script>');
    await page.context().close();
  });

  test('malicious URL fragments give a default or safely ignored view, without errors', { timeout: TEST_TIMEOUT_MS * 2 }, async () => {
    const garbage = Array.from({ length: 100_000 }, (_, i) => '%&=#@!,+<>"\'\\/;:?x9'[(i * 7) % 19]).join('');
    const fragments = [
      '#q=<script>alert(1)</script>',
      '#q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E',
      '#open=../../etc@1',
      '#open=..%2F..%2Fetc%2Fpasswd@99999999999999999999',
      '#open=html.txt@-5',
      '#open=html.txt@3',
      '#q=%E0%A4%A&q=%&q=%%%',
      '#speaker=%00&topic=%FF&voice=%C0%AF&doc=javascript:alert(1)',
      '#from=9999-99-99&to=-1',
      '#unknown=1&__proto__=x&constructor=y&&&=',
      `#q=${'a'.repeat(20_000)}`,
      `#doc=${'x,'.repeat(3_000)}`,
      `#${garbage}`,
    ];
    const page = await open();
    const all = squash(await page.locator('#result-count').innerText());
    const total = Number(all.match(/of (\d+) passages/)[1]);
    for (const f of fragments) {
      await page.goto('about:blank');
      await page.goto(`${site.url}${f}`, { waitUntil: 'load' });
      await page.locator('#result-count').waitFor({ timeout: 20_000 });
      const count = squash(await page.locator('#result-count').innerText());
      const m = count.match(/^(\d+) of (\d+) passages$/);
      assert.ok(m, `${f.slice(0, 60)}: #result-count ${count}`);
      assert.equal(Number(m[2]), total, f.slice(0, 60));
      await assertClean(page, `fragment ${f.slice(0, 60)}`);
    }
    // Garbage and oversized fragments give the whole corpus.
    for (const f of [`#${garbage}`, '#unknown=1&__proto__=x&constructor=y&&&=']) {
      await page.goto('about:blank');
      await page.goto(`${site.url}${f}`, { waitUntil: 'load' });
      await page.locator('#result-count').waitFor({ timeout: 20_000 });
      assert.equal(squash(await page.locator('#result-count').innerText()), all, f.slice(0, 60));
    }
    await page.context().close();
  });
});
