// The built site loads in a real browser and shows the embedded documents, speakers and passages.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { screenshot, startSite, TEST_TIMEOUT_MS, viewports } from './lib.mjs';

const SEED_TITLES = [
  'Joint press conference by NATO Secretary General Jens Stoltenberg with Ms Osmani of Kosovo',
  'Press conference by NATO Secretary General Jens Stoltenberg following the meetings of NATO Defence Ministers in Brussels',
];

/** Wait until the app has replaced the empty body with the rendered corpus. */
async function waitForApp(page) {
  await page.locator('#results article.passage').first().waitFor({ timeout: 20_000 });
}

describe('the home page', { timeout: TEST_TIMEOUT_MS * 3 }, () => {
  let site;
  before(async () => {
    site = await startSite();
  });
  after(async () => {
    await site?.stop();
  });

  for (const [name, viewport] of Object.entries(viewports)) {
    test(`lists both seed documents and Jens Stoltenberg without console errors (${name})`, { timeout: TEST_TIMEOUT_MS }, async () => {
      const page = await site.open(viewport);
      await waitForApp(page);

      assert.equal(await page.title(), 'Podium');
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Podium');

      // On a phone the facets sit in a closed drawer; their content is in the page all the same.
      const documents = page.locator('section[data-facet="document"]');
      for (const title of SEED_TITLES) {
        assert.equal(await documents.locator('.facet-value .label').getByText(title, { exact: true }).count(), 1, title);
      }
      const speakers = page.locator('section[data-facet="speaker"]');
      assert.equal(await speakers.locator('.label').getByText('Jens Stoltenberg', { exact: true }).count(), 1);

      const count = await page.locator('#result-count').innerText();
      const [, shown, total] = count.match(/^(\d+) of (\d+) passages$/) ?? [];
      assert.ok(Number(total) > 0 && shown === total, `all passages shown at first: ${count}`);
      // The list is virtualized: the first cards are rendered, each saying where it stands.
      const cards = await page.locator('#results > li').evaluateAll((lis) => lis.map((li) => [li.getAttribute('aria-posinset'), li.getAttribute('aria-setsize')]));
      assert.ok(cards.length > 0 && cards.length <= Number(total), `${cards.length} cards rendered of ${total}`);
      assert.deepEqual(cards[0], ['1', total], 'the first card is 1 of all');

      await screenshot(page, `home-${viewport.width}x${viewport.height}`);
      assert.deepEqual(page.errors, []);
    });
  }

  test('renders in the dark colour scheme without console errors', { timeout: TEST_TIMEOUT_MS }, async () => {
    const page = await site.open(viewports.desktop, { colorScheme: 'dark' });
    await waitForApp(page);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(background, 'rgb(18, 20, 23)');
    await screenshot(page, 'home-1280x800-dark');
    assert.deepEqual(page.errors, []);
  });
});

describe('the site under a sub-path', { timeout: TEST_TIMEOUT_MS * 2 }, () => {
  let site;
  before(async () => {
    site = await startSite({ prefix: '/some/sub-path/' });
  });
  after(async () => {
    await site?.stop();
  });

  test('loads its assets relative to the page and renders', { timeout: TEST_TIMEOUT_MS }, async () => {
    const page = await site.open(viewports.desktop);
    await waitForApp(page);
    const documents = page.locator('section[data-facet="document"]');
    assert.equal(await documents.getByText(SEED_TITLES[0], { exact: true }).count(), 1);
    assert.deepEqual(page.errors, []);
  });
});
