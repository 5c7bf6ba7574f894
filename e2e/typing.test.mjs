// Results follow typing within a frame: the app marks each keystroke (`podium:input`) and
// measures to the next animation frame (`podium:keystroke`). This test types a word key by
// key, checks that every keystroke was measured and that the results narrowed, and reports
// the median and p95 in e2e/results/typing.json. Speed is reported, not asserted: a timing
// assertion would fail on a loaded CI machine without saying anything about the code.

import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { repoRoot, scrollCollect, startSite, TEST_TIMEOUT_MS, viewports } from './lib.mjs';

const WORD = 'stoltenberg';

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))];
}

describe('typing in the search box', { timeout: TEST_TIMEOUT_MS * 2 }, () => {
  let site;
  before(async () => {
    site = await startSite();
  });
  after(async () => {
    await site?.stop();
  });

  test('every keystroke is measured to the next frame and narrows the results', { timeout: TEST_TIMEOUT_MS }, async () => {
    const page = await site.open(viewports.desktop);
    const search = page.getByRole('searchbox', { name: 'Search passages' });
    await search.waitFor({ timeout: 20_000 });
    const total = await page.locator('#result-count').innerText();
    await search.click();
    for (const key of WORD) {
      await page.keyboard.type(key);
      // One keystroke per frame or so, as a fast typist.
      await page.waitForTimeout(30);
    }
    await page.waitForFunction(
      (n) => performance.getEntriesByName('podium:keystroke').length >= n,
      WORD.length,
      { timeout: 5_000 },
    );
    const durations = await page.evaluate(() =>
      performance.getEntriesByName('podium:keystroke').map((e) => e.duration),
    );
    assert.equal(durations.length, WORD.length);
    const narrowed = await page.locator('#result-count').innerText();
    assert.notEqual(narrowed, total, 'typing a speaker name narrows the results');
    // The list is virtualized and the first hits may be on the speaker's name: scroll through it.
    const marks = await scrollCollect(page, '#results article.passage', (els) => els.map((a) => [a.id, a.querySelectorAll('mark').length]));
    assert.ok([...marks.values()].some((n) => n > 0), 'hits are marked');

    const sorted = [...durations].sort((a, b) => a - b);
    const report = {
      word: WORD,
      keystrokes: durations.length,
      median_ms: Number(percentile(sorted, 0.5).toFixed(2)),
      p95_ms: Number(percentile(sorted, 0.95).toFixed(2)),
      max_ms: Number(sorted[sorted.length - 1].toFixed(2)),
      results: narrowed,
    };
    mkdirSync(join(repoRoot, 'e2e', 'results'), { recursive: true });
    writeFileSync(join(repoRoot, 'e2e', 'results', 'typing.json'), JSON.stringify(report, null, 2));
    console.log(`keystroke to next frame: median ${report.median_ms} ms, p95 ${report.p95_ms} ms`);
    assert.deepEqual(page.errors, []);
  });
});
