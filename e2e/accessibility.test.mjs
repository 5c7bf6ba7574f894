// WCAG 2.1 A and AA, checked by axe-core in Chromium on the views a reader sees: the first
// view, filtered results with a passage open in its document, the speaker × topic matrix, the
// empty state, and the phone drawer, in light and dark colours. Contrast, accessible names,
// roles and labels are all part of the audit; any violation fails with what and where.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';

import { startSite, TEST_TIMEOUT_MS, viewports } from './lib.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

async function audit(page) {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
  );
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1] ?? ''}`).join('\n  ')}`,
  );
}

const VIEWS = [
  { name: 'first view', hash: '', viewport: viewports.desktop },
  { name: 'filtered with a passage open', hash: '#topic=kfor&q=troops&open=004_86d41ac8c9f73a49.txt@1016', viewport: viewports.desktop },
  { name: 'matrix open', hash: '', viewport: viewports.desktop, matrix: true },
  { name: 'empty state', hash: '#q=zzzzqqq', viewport: viewports.desktop },
  { name: 'phone drawer', hash: '', viewport: viewports.phone, drawer: true },
];

describe('accessibility (axe-core, WCAG 2.1 AA)', { timeout: TEST_TIMEOUT_MS * 12 }, () => {
  let site;
  before(async () => {
    site = await startSite();
  });
  after(async () => {
    await site?.stop();
  });

  for (const colorScheme of ['light', 'dark']) {
    for (const view of VIEWS) {
      test(`${view.name} has no violations in ${colorScheme} colours`, { timeout: TEST_TIMEOUT_MS }, async () => {
        const page = await site.open(view.viewport, { url: site.url + view.hash, colorScheme, bypassCSP: true });
        await page.locator('#result-count').waitFor({ timeout: 20_000 });
        if (view.matrix) await page.locator('details.matrix-panel summary').click();
        if (view.drawer) await page.locator('#filters-toggle').click();
        if (view.hash.includes('open=')) await page.locator('section#document .current').waitFor();
        const violations = await audit(page);
        assert.deepEqual(violations, [], violations.join('\n'));
        assert.deepEqual(page.errors, []);
      });
    }
  }
});
