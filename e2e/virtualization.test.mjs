// The result list is virtualized: however many passages match, only the cards near the viewport
// are in the DOM; scrolling renders the others, down to the last; the keyboard selection
// reaches cards that were not rendered when it started.
//
// Runs on dist/ (the seeds: 35 passages, enough for a list several viewports tall at 700 px).
// To run it on a large corpus, point DIST at a build of one, e.g. the benchmark's:
//   DIST=target/bench/podium-1000 node --test e2e/virtualization.test.mjs
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { frames, startSite, TEST_TIMEOUT_MS } from './lib.mjs';

const VIEWPORT = { width: 1280, height: 700 };
/** At most this many cards in the DOM: a viewport and the overscan, whatever the result count. */
const MAX_RENDERED = 30;

/** Position and set size of every rendered list item, and the selected/focused ones. */
const rendered = (page) =>
  page.evaluate(() => {
    const items = [...document.querySelectorAll('ol#results > li')];
    const pos = (el) => Number(el?.closest('li')?.getAttribute('aria-posinset'));
    return {
      articles: document.querySelectorAll('article.passage').length,
      positions: items.map((li) => Number(li.getAttribute('aria-posinset'))),
      sizes: [...new Set(items.map((li) => li.getAttribute('aria-setsize')))],
      selected: pos(document.querySelector('article.passage[aria-current="true"]')),
      focused: document.activeElement?.matches('article.passage') ? pos(document.activeElement) : null,
      lastInView: (() => {
        const r = items.at(-1)?.getBoundingClientRect();
        return !!r && r.bottom > 0 && r.top < window.innerHeight;
      })(),
      focusedInView: (() => {
        const el = document.activeElement;
        if (!el?.matches('article.passage')) return false;
        const r = el.getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight;
      })(),
    };
  });

/** Polls `get` until `ok(value)` holds (10 s), then returns the value; fails with the last one. */
async function until(get, ok, message) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await get();
    if (ok(value)) return value;
    if (Date.now() > deadline) assert.fail(`${message}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const contiguous = (xs) => xs.every((x, i) => i === 0 || x === xs[i - 1] + 1);

describe('the virtualized result list', { timeout: TEST_TIMEOUT_MS * 3 }, () => {
  let site;
  before(async () => {
    site = await startSite();
  });
  after(async () => {
    await site?.stop();
  });

  test('keeps few cards in the DOM, renders the last ones at the bottom, and the keyboard reaches unrendered ones', { timeout: TEST_TIMEOUT_MS * 2 }, async () => {
    const page = await site.open(VIEWPORT);
    await page.locator('#results article.passage').first().waitFor({ timeout: 60_000 });
    const [, shown, total] = (await page.locator('#result-count').innerText()).match(/^(\d+) of (\d+) passages/) ?? [];
    const n = Number(shown);
    assert.ok(n >= 30 && shown === total, `every passage matches at first, enough of them: ${shown} of ${total}`);

    // At the top: the first cards, far fewer than the results, each saying where it stands.
    await frames(page);
    const top = await rendered(page);
    assert.ok(top.articles > 0 && top.articles < n && top.articles <= MAX_RENDERED, `${top.articles} cards in the DOM for ${n} results`);
    assert.equal(top.positions[0], 1, 'the first card is rendered');
    assert.ok(contiguous(top.positions), `rendered positions are contiguous: ${top.positions}`);
    assert.deepEqual(top.sizes, [String(n)], 'every item says how long the list is');
    assert.equal(await page.locator('ol#results').getAttribute('aria-label'), 'Passages');

    // The spacers keep the page as tall as the whole list would be.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    assert.ok(height > VIEWPORT.height * 2, `the page is taller than the rendered cards: ${height}px`);

    // At the bottom: the last cards, still few of them.
    const bottom = await until(
      async () => {
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        await frames(page);
        return rendered(page);
      },
      // Cards measured on the way may make the page taller: scroll again until it settles.
      (r) => r.positions.at(-1) === n && r.lastInView,
      'scrolling to the bottom renders the last passage, in view',
    );
    assert.ok(bottom.articles <= MAX_RENDERED, `${bottom.articles} cards in the DOM at the bottom`);
    assert.ok(!bottom.positions.includes(1), 'the first card is no longer rendered');
    assert.ok(contiguous(bottom.positions), `rendered positions are contiguous: ${bottom.positions}`);

    // Back at the top, j moves the selection past the cards rendered there: the list renders
    // the selected card and focuses it in view.
    await page.evaluate(() => window.scrollTo(0, 0));
    await until(() => rendered(page), (r) => r.positions[0] === 1, 'back at the top');
    await page.evaluate(() => document.activeElement?.blur());
    const target = Math.min(n, top.positions.at(-1) + 5);
    for (let i = 0; i < target; i++) await page.keyboard.press('j');
    const selected = await until(
      () => rendered(page),
      (r) => r.selected === target && r.focused === target && r.focusedInView,
      `after ${target} × j the card at ${target} is selected, focused and in view`,
    );
    assert.ok(!top.positions.includes(target), 'that card was not rendered at the top');
    assert.ok(selected.articles <= MAX_RENDERED, `${selected.articles} cards in the DOM after the keyboard moved`);
    await page.keyboard.press('k');
    await until(() => rendered(page), (r) => r.selected === target - 1 && r.focused === target - 1, 'k moves back one');

    // Enter opens the selected passage in its document.
    await page.keyboard.press('Enter');
    await page.locator('section#document .current').waitFor();
    assert.deepEqual(page.errors, [], 'console errors');
    await page.context().close();
  });
});
