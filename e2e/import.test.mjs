// The reader's own documents, corrections and exports (issue 7), in headless Chromium on the
// built site: import files and pasted text, see them in every facet, keep them over an offline
// reload, correct passages (and undo), download the TOML patches and the filtered passages as
// Markdown, CSV and JSON, and read each download back.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { frames, repoRoot, screenshot, startSite, TEST_TIMEOUT_MS, until as untilIn, viewports } from './lib.mjs';
import { serveDir } from './serve.mjs';

const DIST = process.env.DIST ?? join(repoRoot, 'dist');
const RESULTS = 'ol#results article.passage';
const facet = (name, id) => `section[data-facet=${name}] li.facet-value[data-id="${id}"]`;

// A State Department-style transcript (`SECRETARY BLINKEN:`, `Q:`, "[inaudible] from
// Reuters"), a convention the seeds do not use, and a Markdown news article.
const TRANSCRIPT = `Remarks to the Press

Antony J. Blinken, Secretary of State
Brussels, Belgium
April 4, 2023

SECRETARY BLINKEN: Good morning. We are here at NATO to talk about Ukraine and about Finland joining the Alliance.

Q: Mr. Secretary, thank you. On Kosovo, are you worried about the tension in the north?

SECRETARY BLINKEN: We are. We call on both Kosovo and Serbia to de-escalate and to return to the EU-facilitated dialogue.

Q: [inaudible] from Reuters. And on Finland?

SECRETARY BLINKEN: Finland's accession makes the Alliance stronger.
`;
const ARTICLE = `# Finland joins NATO as Stoltenberg hails a historic day

By Anna Writer

April 4, 2023

Finland became the 31st member of NATO on Tuesday. "This is a historic day," Secretary General Jens Stoltenberg told reporters in Brussels.

Stoltenberg said the accession would make Finland safer and the Alliance stronger.
`;
const PASTED = `Doorstep statement

12 May 2023

MR. PRICE: We welcome the agreement on the Kosovo dialogue.

QUESTION: Will KFOR stay?

MR. PRICE: Yes, KFOR stays.
`;

const file = (name, text) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') });

/** `until` from lib.mjs with more time: an import parses, saves and rebuilds. */
const until = (get, ok, message, timeout = 10_000) => untilIn(get, ok, message, timeout);

async function total(page) {
  const text = await page.locator('#result-count').innerText();
  return Number(text.match(/of (\d+) passages?/)?.[1]);
}

async function shown(page) {
  const text = await page.locator('#result-count').innerText();
  return Number(text.match(/^(\d+) of/)?.[1]);
}

async function openPanel(page) {
  if (!(await page.locator('#import').isVisible())) await page.locator('#import-toggle').click();
  await page.locator('#import').waitFor();
}

/** Corrects the passage card `same` (a selector): opens its form, fills the `field`
 * (`.correct-speaker`, `.correct-topic`) with `value` and presses `button`. */
async function correct(page, same, field, value, button) {
  await page.locator(same).locator('button.correct').click();
  await page.locator(same).locator(`.correction ${field} input`).fill(value);
  await page.locator(same).locator('.correction').getByRole('button', { name: button }).click();
}

/** Click `button` and return the downloaded file's name and text. */
async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(button).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** RFC 4180 CSV → rows of fields. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}

describe('your own documents', { timeout: TEST_TIMEOUT_MS * 6 }, () => {
  let site;
  let work;
  before(async () => {
    site = await startSite({ dist: DIST });
    work = mkdtempSync(join(tmpdir(), 'podium-import-'));
  });
  after(async () => {
    await site?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('imports, corrects, survives an offline reload, exports, and clears', { timeout: TEST_TIMEOUT_MS * 3 }, async () => {
    // Its own copy and server, so the network can be cut for the reload.
    const dir = join(work, 'site');
    cpSync(DIST, dir, { recursive: true });
    const server = await serveDir(dir);
    try {
      await importCorrectExport(server);
    } finally {
      await server.close();
    }
  });

  async function importCorrectExport(server) {
    const page = await site.open(viewports.desktop, { url: server.url });
    await page.locator(RESULTS).first().waitFor();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
    const embedded = await total(page);

    // --- Import two files and a bad one ---------------------------------------------------
    await openPanel(page);
    // The import worker loads while the reader chooses files, not after they have.
    await until(() => page.workers().length, (n) => n === 1, 'the import worker starts when the panel opens');
    await page.setInputFiles('#import-files', [
      file('remarks-blinken.txt', TRANSCRIPT),
      file('finland-article.md', ARTICLE),
      file('slides.pdf', '%PDF-1.4'),
      file('empty.txt', '  \n'),
    ]);
    const reports = page.locator('.import-reports > li');
    await until(() => reports.count(), (n) => n === 4, 'a report per file');
    const report = async (name) => (await page.locator(`.import-reports li[data-file="${name}"]`).innerText()).replace(/\s+/g, ' ');
    assert.match(await report('remarks-blinken.txt'), /✓.*transcript · 5 turns · \d speakers: .*Antony J\. Blinken.* · 2023-04-04/);
    assert.match(await report('finland-article.md'), /✓.*article · \d passages · .*Jens Stoltenberg.* · 2023-04-04/);
    assert.match(await report('slides.pdf'), /✗.*only plain-text documents/);
    assert.match(await report('empty.txt'), /✗.*empty\.txt.*empty document/);

    // In every facet, counted, and marked local.
    const withImports = await until(() => total(page), (n) => n > embedded, 'passages of the imported files counted');
    // SECRETARY BLINKEN: is the Antony J. Blinken of the byline, with the byline's role.
    assert.match(await page.locator(facet('speaker', 'antony-j-blinken')).innerText(), /Antony J\. Blinken[\s\S]*Secretary of State/);
    await page.locator(facet('document', 'remarks-blinken.txt')).waitFor();
    await page.locator(facet('document', 'finland-article.md')).waitFor();
    await page.locator(facet('topic', 'auto-finland')).waitFor();
    // Stoltenberg of the article is the seeds' Stoltenberg: one speaker, more passages.
    assert.equal(await page.locator('section[data-facet=speaker] li.facet-value[data-id^="jens-stoltenberg"]').count(), 1);
    await page.locator(`${facet('document', 'remarks-blinken.txt')} button.include`).click();
    await until(() => shown(page), (n) => n === 5, 'the transcript alone shows its five turns');
    // Only the cards in view are in the DOM (a virtualized list): each of them is marked.
    assert.ok((await page.locator(`${RESULTS}.local`).count()) > 0);
    assert.equal(await page.locator(`${RESULTS}:not(.local)`).count(), 0);
    assert.match(await page.locator(facet('document', 'remarks-blinken.txt')).innerText(), /· local/);
    assert.match(await page.locator(RESULTS).first().locator('.badge.local').innerText(), /local/i);
    await screenshot(page, 'import-1280x800');

    // --- Paste -----------------------------------------------------------------------------
    await page.locator('#import-paste').fill(PASTED);
    await page.getByRole('button', { name: 'Add pasted text' }).click();
    await until(() => page.locator('.import-reports').innerText(), (t) => /doorstep-statement\.txt[\s\S]*transcript · 3 turns/.test(t), 'the pasted text is reported');
    await page.locator(facet('document', 'doorstep-statement.txt')).waitFor();
    await page.locator('.import-progress').waitFor({ state: 'detached' }); // saved
    // The list follows the new library with the facet column, a frame or two after the passages.
    await until(() => page.locator('.local-documents li').count(), (n) => n === 3, 'three documents are listed as yours');
    await page.locator('#import .close').click();

    // --- Correct: a new speaker, then undo, then again; a new topic ---------------------------
    await page.goto(`${server.url}#`, { waitUntil: 'load' });
    await page.reload({ waitUntil: 'load' });
    await until(() => total(page), (n) => n === withImports + 3, 'all three imported documents restored on reload');
    const card = page.locator(`${RESULTS}[data-speaker="jens-stoltenberg"]`).first();
    const doc = await card.getAttribute('data-doc');
    const start = await card.getAttribute('data-start');
    const same = `${RESULTS}[data-doc="${doc}"][data-start="${start}"]`;
    await correct(page, same, '.correct-speaker', 'Jane Analyst', 'Set speaker');
    await until(() => page.locator(same).getAttribute('data-speaker'), (s) => s === 'jane-analyst', 'the card shows the new speaker');
    assert.match(await page.locator('#toast').innerText(), /Attributed to Jane Analyst/);
    await page.locator('#toast .toast-action').click(); // Undo
    await until(() => page.locator(same).getAttribute('data-speaker'), (s) => s === 'jens-stoltenberg', 'undo restores the speaker');
    // The facet column follows the passages a frame or two later.
    await until(() => page.locator(facet('speaker', 'jane-analyst')).count(), (n) => n === 0, 'undo takes the new speaker out of the facets');
    await correct(page, same, '.correct-speaker', 'Jane Analyst', 'Set speaker');
    await page.locator(facet('speaker', 'jane-analyst')).waitFor();
    await correct(page, same, '.correct-topic', 'Border crossings', 'Add');
    await page.locator(facet('topic', 'border-crossings')).waitFor();
    const corrected = page.locator(same);
    assert.match(await corrected.locator('.badge.corrected').innerText(), /corrected/i);
    assert.match(await corrected.locator('.topics').innerText(), /Border crossings/);
    // Everywhere at once: the overview lists the new speaker too, and a search finds the
    // passage by its new speaker and topic (the index took the correction in).
    assert.match(await page.locator('#top-speakers').innerText(), /Jane Analyst/);
    const search = page.getByRole('searchbox', { name: 'Search passages' });
    const cleared = async () => {
      await search.fill('');
      await until(async () => (await shown(page)) === (await total(page)), (all) => all, 'the search is cleared');
    };
    await search.fill('analyst crossings');
    await until(() => shown(page), (n) => n === 1, 'a search finds the passage by its new speaker and topic');
    await cleared();

    // --- Offline reload: documents and corrections are still there --------------------------
    await server.close();
    await page.context().setOffline(true);
    await page.reload({ waitUntil: 'load' });
    await until(() => total(page), (n) => n === withImports + 3, 'imported documents restored offline');
    await page.locator(facet('speaker', 'jane-analyst')).waitFor();
    await page.locator(facet('topic', 'border-crossings')).waitFor();
    assert.equal(await page.locator(same).getAttribute('data-speaker'), 'jane-analyst');
    await screenshot(page, 'import-offline-reload-1280x800');
    await search.fill('analyst crossings');
    await until(() => shown(page), (n) => n === 1, 'the restored index has the correction');
    await search.fill('Blinken Finland');
    await until(() => shown(page), (n) => n >= 1, "and the imported documents' words");
    await cleared();

    // --- Patches for the maintainer ------------------------------------------------------
    await openPanel(page);
    const speakers = await download(page, '#import button.patch-speakers');
    assert.equal(speakers.name, 'speakers.patch.toml');
    assert.match(speakers.text, /\[\[speaker\]\]\nid = "jane-analyst"\nname = "Jane Analyst"/);
    assert.match(speakers.text, new RegExp(`\\[\\[correction\\]\\]\\nfile = "${doc.replace('.', '\\.')}"\\nat = ${start}\\nspeaker = "jane-analyst"`));
    const topics = await download(page, '#import button.patch-topics');
    assert.match(topics.text, /\[\[topic\]\]\nid = "border-crossings"\nlabel = "Border crossings"/);
    assert.match(topics.text, /add = \["border-crossings"\]/);
    await page.locator('#import .close').click();

    // --- Exports of the filtered view ------------------------------------------------------
    await page.locator(`${facet('topic', 'auto-finland')} button.include`).click();
    const n = await until(() => shown(page), (x) => x > 0 && x < withImports, 'a filtered view');
    const json = JSON.parse((await download(page, '.export-bar button[data-format=json]')).text);
    assert.equal(json.length, n);
    assert.ok(json.some((p) => p.document === 'remarks-blinken.txt' && /Alliance stronger/.test(p.text)));
    assert.ok(json.every((p) => p.link.includes('#open=')));
    const csv = parseCsv((await download(page, '.export-bar button[data-format=csv]')).text);
    assert.deepEqual(csv[0].slice(0, 4), ['speaker', 'role', 'voice', 'text']);
    assert.equal(csv.length - 1, n);
    assert.deepEqual(csv.slice(1).map((r) => r[3]), json.map((p) => p.text));
    const md = (await download(page, '.export-bar button[data-format=md]')).text;
    assert.equal((md.match(/^> /gm) ?? []).length >= n, true, 'a blockquote per passage');
    for (const p of json) assert.ok(md.includes(p.link), `the Markdown links ${p.link}`);

    // --- Remove one, then clear everything --------------------------------------------------
    await page.locator(`${facet('topic', 'auto-finland')} button.include`).click();
    await openPanel(page);
    await page.getByRole('button', { name: 'Remove finland-article.md' }).click();
    await until(() => page.locator(facet('document', 'finland-article.md')).count(), (c) => c === 0, 'the removed document leaves the facets');
    await page.locator('#import button.clear').click();
    await page.locator('#import button.confirm-clear').click();
    await until(() => total(page), (x) => x === embedded, 'back to the embedded corpus');
    // The facet column follows the passages a frame or two later.
    await until(() => page.locator(facet('speaker', 'jane-analyst')).count(), (n) => n === 0, 'Remove all takes the corrected speaker out of the facets');
    await page.reload({ waitUntil: 'load' });
    await page.locator(RESULTS).first().waitFor();
    await page.waitForTimeout(500); // a restore, if anything were left, would have run
    assert.equal(await total(page), embedded, 'cleared for good');
    assert.deepEqual(page.errors.filter((e) => !e.startsWith('request:')), []);
  }

  test('says so when this browser cannot store documents, and still shows them', { timeout: TEST_TIMEOUT_MS }, async () => {
    const page = await site.open(viewports.desktop, { url: 'about:blank' });
    // Storage refused, as in some private modes or with a full disk.
    await page.addInitScript(() => {
      const refuse = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      Object.defineProperty(window, 'indexedDB', { value: { open: refuse } });
    });
    await page.goto(site.url, { waitUntil: 'load' });
    await page.locator(RESULTS).first().waitFor();
    const embedded = await total(page);
    await openPanel(page);
    await until(() => page.locator('.storage-error').count(), (c) => c === 1, 'the failed read is shown');
    await page.setInputFiles('#import-files', [file('remarks-blinken.txt', TRANSCRIPT)]);
    await until(() => total(page), (x) => x > embedded, 'the document is shown anyway');
    const message = await page.locator('.storage-error').innerText();
    assert.match(message, /Could not save your documents.*QuotaExceededError.*gone after a reload/s);
  });

  test('says why when the import worker cannot start, and keeps the page as it was', { timeout: TEST_TIMEOUT_MS }, async () => {
    const page = await site.open(viewports.desktop, { url: 'about:blank' });
    // As if the worker's script were missing from the server (the service worker would answer
    // a route for the real name from its cache).
    await page.addInitScript(() => {
      const Real = window.Worker;
      window.Worker = class extends Real {
        constructor(url, options) {
          super('missing-worker.js', options);
        }
      };
    });
    await page.goto(site.url, { waitUntil: 'load' });
    await page.locator(RESULTS).first().waitFor();
    const embedded = await total(page);
    await openPanel(page);
    await page.setInputFiles('#import-files', [file('remarks-blinken.txt', TRANSCRIPT)]);
    await until(() => page.locator('.storage-error').count(), (c) => c === 1, 'the failure is shown');
    assert.match(await page.locator('.storage-error').innerText(), /import worker stopped.*podium-worker_loader\.js could not be loaded.*reload the page/s);
    await page.locator('.import-progress').waitFor({ state: 'detached' });
    assert.equal(await total(page), embedded, 'nothing half-added');
    assert.deepEqual(page.errors.filter((e) => !e.startsWith('request:') && !e.includes('404')), []);
  });

  test('while the worker parses, progress says so and the page answers the reader', { timeout: TEST_TIMEOUT_MS }, async () => {
    const page = await site.open(viewports.desktop, { url: 'about:blank' });
    // The page's messages to the import worker are held until the test lets them go: the
    // worker's parse takes as long as the test needs to look at the page meanwhile.
    await page.addInitScript(() => {
      const held = [];
      window.__holding = true;
      window.__release = () => {
        window.__holding = false;
        for (const [worker, args] of held.splice(0)) Worker.prototype.postMessage.apply(worker, args);
      };
      window.Worker = class extends window.Worker {
        postMessage(...args) {
          if (window.__holding) held.push([this, args]);
          else super.postMessage(...args);
        }
      };
    });
    await page.goto(site.url, { waitUntil: 'load' });
    await page.locator(RESULTS).first().waitFor();
    const embedded = await total(page);
    await openPanel(page);
    await page.setInputFiles('#import-files', [file('remarks-blinken.txt', TRANSCRIPT), file('finland-article.md', ARTICLE)]);

    const progress = page.locator('.import-progress');
    await until(() => progress.innerText(), (t) => /Parsing and indexing 2 documents/.test(t), 'the progress line says what is under way');
    assert.equal(await progress.locator('progress').count(), 1, 'with a bar');
    assert.equal(await progress.getAttribute('role'), 'status', 'read out by screen readers');
    assert.equal(await page.locator('#import-files').isDisabled(), true, 'no second import meanwhile');

    // The reader searches and filters while the worker works, and the page follows at once.
    const search = page.getByRole('searchbox', { name: 'Search passages' });
    await search.fill('kosovo');
    const before = await until(() => shown(page), (n) => n > 0 && n < embedded, 'the search answers during the import');
    await page.locator(`${facet('voice', 'verbatim')} button.include`).click();
    await until(() => shown(page), (n) => n > 0 && n < before, 'a filter answers during the import');
    await page.locator(`${facet('voice', 'verbatim')} button.include`).click();
    await until(() => shown(page), (n) => n === before, 'and is taken off again');
    assert.equal(await progress.count(), 1, 'all that while the import was still under way');
    assert.equal(await total(page), embedded, 'and nothing of it shown yet');

    // Let the worker go: the documents come in under the reader's search, which stays.
    await page.evaluate(() => window.__release());
    await until(() => page.locator('.import-reports > li').count(), (n) => n === 2, 'a report per file');
    await until(() => total(page), (n) => n > embedded, 'the imported passages are counted');
    assert.equal(await search.inputValue(), 'kosovo');
    // The transcript's Kosovo question and answer join the results.
    await until(() => shown(page), (n) => n === before + 2, "the search now finds the import's passages too");
    await progress.waitFor({ state: 'detached' });
    assert.deepEqual(page.errors, []);
  });

  test('a correction undone before the page has shown it leaves the passage as it was, after a reload too', { timeout: TEST_TIMEOUT_MS }, async () => {
    const page = await site.open(viewports.desktop, { url: site.url });
    await page.locator(RESULTS).first().waitFor();
    const card = page.locator(`${RESULTS}[data-speaker="jens-stoltenberg"]`).first();
    const same = `${RESULTS}[data-doc="${await card.getAttribute('data-doc')}"][data-start="${await card.getAttribute('data-start')}"]`;
    await page.locator(same).locator('button.correct').click();
    await page.locator(same).locator('.correction .correct-speaker input').fill('Jane Analyst');
    // "Set speaker" and then Undo in its toast, in one task: the correction's library is
    // still being built, a frame later, when the undo asks for the next one.
    await page.evaluate(async (same) => {
      [...document.querySelectorAll(`${same} .correction button`)].find((b) => b.textContent === 'Set speaker').click();
      // The toast is rendered in a microtask, before any frame.
      for (let i = 0; i < 100 && !document.querySelector('#toast .toast-action'); i++) await Promise.resolve();
      document.querySelector('#toast .toast-action').click();
    }, same);
    await until(() => page.evaluate(() => document.getElementById('toast').innerText), (t) => /Correction undone/.test(t), 'the undo is confirmed');
    await frames(page, 8);
    assert.equal(await page.locator(same).getAttribute('data-speaker'), 'jens-stoltenberg');
    assert.equal(await page.locator(facet('speaker', 'jane-analyst')).count(), 0);
    // A later correction is saved with the list: once the reload shows it, the list is
    // restored, and the undone one is not in it.
    await correct(page, same, '.correct-topic', 'Border crossings', 'Add');
    await page.locator(facet('topic', 'border-crossings')).waitFor();
    await page.reload({ waitUntil: 'load' });
    await page.locator(facet('topic', 'border-crossings')).waitFor({ timeout: 10_000 });
    assert.equal(await page.locator(same).getAttribute('data-speaker'), 'jens-stoltenberg', 'the undone correction is not restored');
    assert.match(await page.locator(same).locator('.topics').innerText(), /Border crossings/);
    assert.equal(await page.locator(facet('speaker', 'jane-analyst')).count(), 0);
    assert.deepEqual(page.errors, []);
  });

  test('Esc closes "Your documents" and gives focus back, but not over a draft being pasted', { timeout: TEST_TIMEOUT_MS }, async () => {
    const page = await site.open(viewports.desktop, { url: site.url });
    await page.locator(RESULTS).first().waitFor();
    const panel = page.locator('#import');
    const focused = () => page.evaluate(() => document.activeElement?.id ?? '');

    // From inside the panel, with text in the paste box: Esc keeps the panel and the text.
    await openPanel(page);
    await page.locator('#import-paste').fill(PASTED);
    await page.keyboard.press('Escape');
    assert.equal(await panel.isVisible(), true, 'a draft keeps the panel open');
    assert.equal(await page.locator('#import-paste').inputValue(), PASTED);
    await page.locator('#import-paste').fill('');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    assert.equal(await focused(), 'import-toggle', 'focus goes back to the button that opened it');

    // From the search box: the first Esc clears the search, the next closes the panel.
    await openPanel(page);
    const search = page.getByRole('searchbox', { name: 'Search passages' });
    await search.fill('kosovo');
    await page.keyboard.press('Escape');
    await until(() => search.inputValue(), (v) => v === '', 'Esc clears the search first');
    assert.equal(await panel.isVisible(), true, 'the panel stays while the search is cleared');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    assert.deepEqual(page.errors, []);
  });

  test('a report lists what the parser could not settle, once per label, with its lines', { timeout: TEST_TIMEOUT_MS }, async () => {
    const page = await site.open(viewports.desktop, { url: site.url });
    await page.locator(RESULTS).first().waitFor();
    await openPanel(page);
    const debate = 'Debate on Ukraine\n\n14 March 2023\n' +
      [1, 2, 3].map((i) => `\nMr Speaker: Order.\n\nMr John Smith (Bath) (LD): Point ${i}.\n`).join('');
    await page.setInputFiles('#import-files', [file('debate.txt', debate), file('remarks-blinken.txt', TRANSCRIPT)]);
    const notes = page.locator('.import-reports li[data-file="debate.txt"] .notes li');
    await until(() => notes.count(), (n) => n === 1, 'one note for the label, however often it occurs');
    assert.equal(
      await notes.innerText(),
      'line 5: label `Mr Speaker` names no person; map it to a name in speakers.toml (also at lines 9 and 13)',
    );
    assert.equal(await page.locator('.import-reports li[data-file="remarks-blinken.txt"] .notes').count(), 0, 'a clean file has none');
    await screenshot(page, 'import-notes-1280x800');
    await page.locator('#import button.clear').click();
    await page.locator('#import button.confirm-clear').click();
    assert.deepEqual(page.errors, []);
  });

  test('a file dropped anywhere on the page is imported, and other drops are left alone', { timeout: TEST_TIMEOUT_MS }, async () => {
    const page = await site.open(viewports.desktop, { url: site.url });
    await page.locator(RESULTS).first().waitFor();
    const embedded = await total(page);
    // What the browser dispatches when a file from the desktop is dropped on the results.
    const drop = (name, text, type) =>
      page.evaluate(
        ([name, text, type]) => {
          const dt = new DataTransfer();
          if (name) dt.items.add(new File([text], name, { type }));
          else dt.setData('text/plain', text);
          const target = document.querySelector('ol#results');
          const over = new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: dt });
          target.dispatchEvent(over);
          const ev = new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt });
          target.dispatchEvent(ev);
          return { overPrevented: over.defaultPrevented, dropPrevented: ev.defaultPrevented };
        },
        [name, text, type],
      );
    // Dragged text is not a file: the page does not take it.
    assert.deepEqual(await drop(null, 'just words'), { overPrevented: false, dropPrevented: false });
    assert.deepEqual(await drop('remarks-blinken.txt', TRANSCRIPT, 'text/plain'), { overPrevented: true, dropPrevented: true });
    // The panel opens on its own to report the file.
    await page.locator('#import').waitFor();
    await until(() => page.locator('.import-reports li[data-file="remarks-blinken.txt"]').innerText(), (t) => /✓.*transcript · 5 turns/s.test(t), 'the dropped file is reported');
    await until(() => total(page), (x) => x > embedded, 'its passages are counted');
    await page.locator(facet('document', 'remarks-blinken.txt')).waitFor();
    // Two drops at once: the second waits for the first, and the reader is told.
    await page.locator('.import-progress').waitFor({ state: 'detached' });
    await page.evaluate(
      ([a, b]) => {
        // Every message the toast shows: the first import may finish, and replace the
        // refusal with its own message, before the test looks.
        window.toasts = [];
        const toast = document.getElementById('toast');
        new MutationObserver(() => window.toasts.push(toast.innerText)).observe(toast, { childList: true, subtree: true, characterData: true });
        for (const [name, text] of [a, b]) {
          const dt = new DataTransfer();
          dt.items.add(new File([text], name, { type: 'text/plain' }));
          document.body.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
        }
      },
      [['finland-article.md', ARTICLE], ['doorstep-statement.txt', PASTED]],
    );
    await until(() => page.evaluate(() => window.toasts.join('\n')), (t) => /Still importing/.test(t), 'the second drop is refused with a reason');
    await page.locator(facet('document', 'finland-article.md')).waitFor();
    assert.equal(await page.locator(facet('document', 'doorstep-statement.txt')).count(), 0);
    assert.deepEqual(page.errors, []);
  });

  test('a correction or an import updates the page in place: the reader keeps their place', { timeout: TEST_TIMEOUT_MS }, async () => {
    const page = await site.open(viewports.desktop, { url: site.url });
    await page.locator(RESULTS).first().waitFor();
    // Elements a rebuilt page would have replaced: a facet row and the list itself.
    const kept = () =>
      page.evaluate(() => ({
        row: document.querySelector('section[data-facet=voice] li.facet-value[data-id="verbatim"]').dataset.kept === 'yes',
        list: document.querySelector('ol#results').dataset.kept === 'yes',
      }));
    await page.evaluate(() => {
      document.querySelector('section[data-facet=voice] li.facet-value[data-id="verbatim"]').dataset.kept = 'yes';
      document.querySelector('ol#results').dataset.kept = 'yes';
    });
    // Well down the list, a card fully in view.
    await page.evaluate(() => window.scrollTo(0, 2500));
    await frames(page, 4);
    const target = await page.$$eval(RESULTS, (cards) => {
      const card = cards.find((c) => {
        const r = c.getBoundingClientRect();
        return r.top > 100 && r.bottom < window.innerHeight && c.dataset.speaker;
      });
      const list = document.querySelector('#results-frame').getBoundingClientRect().top;
      return card && { doc: card.dataset.doc, start: card.dataset.start, top: card.getBoundingClientRect().top - list };
    });
    assert.ok(target, 'a card in view after scrolling');
    const same = `${RESULTS}[data-doc="${target.doc}"][data-start="${target.start}"]`;
    const scrolled = await page.evaluate(() => window.scrollY);
    // Cards are kept while they show the same thing: mark the target and a neighbour in view.
    const neighbour = await page.$$eval(RESULTS, (cards, same) => {
      const card = cards.find((c) => {
        const r = c.getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight && !c.matches(same);
      });
      for (const c of [card, document.querySelector(same)]) c.dataset.kept = 'yes';
      return `article.passage[data-doc="${card.dataset.doc}"][data-start="${card.dataset.start}"]`;
    }, same);
    const cardKept = (sel) => page.locator(sel).evaluate((c) => c.dataset.kept === 'yes');

    await correct(page, same, '.correct-speaker', 'Jane Analyst', 'Set speaker');
    await until(() => page.locator(same).getAttribute('data-speaker'), (s) => s === 'jane-analyst', 'the card shows the new speaker');
    await page.locator(facet('speaker', 'jane-analyst')).waitFor();
    await frames(page, 4);
    // The page did not scroll, and the card is where it was in the list: the cards above it
    // kept their measured heights. (The overview above the list may gain a row: Jane Analyst.)
    assert.ok(Math.abs((await page.evaluate(() => window.scrollY)) - scrolled) < 2, 'the page did not scroll');
    const top = await page.locator(same).evaluate((c) => c.getBoundingClientRect().top - document.querySelector('#results-frame').getBoundingClientRect().top);
    assert.ok(Math.abs(top - target.top) < 2, `the card stayed where it was in the list (${target.top} → ${top})`);
    assert.deepEqual(await kept(), { row: true, list: true }, 'the facet row and the list are the same elements');
    assert.equal(await cardKept(neighbour), true, 'a card the correction did not change is the same element');
    assert.equal(await cardKept(same), false, 'the corrected card was rendered anew');

    // An import: new values join the facets, and the rows that were there stay.
    await openPanel(page);
    await page.setInputFiles('#import-files', [file('remarks-blinken.txt', TRANSCRIPT)]);
    await page.locator(facet('document', 'remarks-blinken.txt')).waitFor({ timeout: 10_000 });
    await page.locator('.import-progress').waitFor({ state: 'detached' });
    assert.deepEqual(await kept(), { row: true, list: true }, 'still the same elements after an import');
    assert.equal(await page.locator(same).getAttribute('data-speaker'), 'jane-analyst');
    assert.equal(await cardKept(neighbour), true, 'a card the import did not change is the same element');

    // Undoing the correction: the card goes back, the list of your documents keeps its rows.
    const mine = '.local-documents li[data-file="remarks-blinken.txt"]';
    await page.locator(mine).evaluate((li) => { li.dataset.kept = 'yes'; });
    await page.locator('button.undo').click();
    await until(() => page.locator(same).getAttribute('data-speaker'), (s) => s !== 'jane-analyst', 'the correction is undone');
    assert.equal(await page.locator(mine).evaluate((li) => li.dataset.kept === 'yes'), true, 'the row of a local document is the same element');
    assert.deepEqual(page.errors, []);
  });
});
