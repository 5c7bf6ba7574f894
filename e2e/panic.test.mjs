// A panic in the wasm never leaves a dead page: the panic hook shows a banner with a
// Reload action, and Reload brings the viewer back. The URL key `podium-test-panic` makes
// the app panic on purpose right after it mounts.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { screenshot, startSite, TEST_TIMEOUT_MS, viewports } from './lib.mjs';

describe('a panic in the app', { timeout: TEST_TIMEOUT_MS * 2 }, () => {
  let site;
  before(async () => {
    site = await startSite();
  });
  after(async () => {
    await site?.stop();
  });

  test('shows a visible error banner whose Reload brings the viewer back', { timeout: TEST_TIMEOUT_MS }, async () => {
    const page = await site.open(viewports.desktop, { url: `${site.url}#podium-test-panic` });
    const banner = page.getByRole('alert').filter({ hasText: 'Podium stopped working' });
    await banner.waitFor({ timeout: 20_000 });
    assert.match(await banner.innerText(), /test panic requested by the URL/);
    await screenshot(page, 'panic-1280x800');
    // The panic is reported in the console, as it should be; nothing else is.
    assert.ok(page.errors.length > 0 && page.errors.every((e) => /panic|unreachable|Podium stopped/i.test(e)), page.errors.join('\n'));

    await banner.getByRole('button', { name: 'Reload' }).click();
    await page.locator('#results article.passage').first().waitFor({ timeout: 20_000 });
    assert.equal(await page.locator('#panic-banner').count(), 0);
    assert.doesNotMatch(page.url(), /podium-test-panic/);
  });
});
