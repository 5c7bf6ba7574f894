// The passage viewer: search, facets, matrix, timeline, document view, URL state, keyboard,
// mobile drawer and copying a citation, checked in Chromium against the built site.
//
// Expected values are not written down by hand: the test runs `podium-cli inspect --json` on
// corpus/*.txt at start-up (the same parser the build embeds) and computes from it what each
// view must show, so the tests follow parser changes but still fail when the page is wrong.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { repoRoot, screenshot, scrollCollect, scrollTo, startSite, TEST_TIMEOUT_MS, viewports } from './lib.mjs';

// ---------------------------------------------------------------------------------------
// The corpus, as the CLI sees it, and a model of the viewer's query semantics.
// ---------------------------------------------------------------------------------------

/** `podium-cli inspect --json corpus/*.txt`, or the file named by PODIUM_CORPUS_JSON. */
function inspectCorpus() {
  const files = readdirSync(join(repoRoot, 'corpus'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join('corpus', f));
  const json = execFileSync('cargo', ['run', '-q', '-p', 'podium-cli', '--', 'inspect', '--json', ...files], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 600_000,
  });
  return JSON.parse(json);
}

const VOICE_OF_MODE = {
  speech: 'verbatim',
  question: 'verbatim',
  quote: 'verbatim',
  reported: 'reported',
  narration: 'narration',
};
const SPEAKER_GROUP = { official: 'Officials', journalist: 'Journalists', outlet: 'Outlets' };

/** Lowercase and strip diacritics (what the app's search does to both sides). */
const fold = (s) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .toLowerCase();
/** Word tokens: runs of letters and digits, an apostrophe between two of them joins. */
const words = (s) => fold(s).match(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu) ?? [];
const hasPhrase = (text, phrase) => {
  const t = words(text);
  const p = words(phrase);
  for (let i = 0; i + p.length <= t.length; i++) {
    if (p.every((w, j) => t[i + j] === w)) return true;
  }
  return false;
};
const squash = (s) => s.replace(/\s+/g, ' ').trim();

function buildModel(corpus) {
  const parent = new Map(corpus.topics.map((t) => [t.id, t.parent]));
  const withAncestors = (ids) => {
    const out = new Set();
    for (let id of ids) {
      for (let guard = 0; id && !out.has(id) && guard < 32; guard++) {
        out.add(id);
        id = parent.get(id);
      }
    }
    return [...out];
  };
  const passages = [];
  for (const doc of corpus.documents) {
    for (const p of doc.passages) {
      const asked =
        p.reply_to == null
          ? []
          : withAncestors(
              doc.passages.filter((q) => q.turn === p.reply_to && q.mode === 'question').flatMap((q) => q.topics),
            );
      passages.push({
        ...p,
        key: `${doc.file}@${p.start}`,
        file: doc.file,
        date: doc.date,
        voice: VOICE_OF_MODE[p.mode],
        allTopics: withAncestors(p.topics),
        asked,
        doc,
      });
    }
  }
  const speakers = new Map(corpus.speakers.map((s) => [s.id, s]));
  const documents = new Map(corpus.documents.map((d) => [d.file, d]));

  const facetValues = {
    speaker: (p) => (p.speaker ? [p.speaker] : []),
    topic: (p) => p.allTopics,
    voice: (p) => [p.voice],
    document: (p) => [p.file],
    asked: (p) => p.asked,
  };
  const admits = (filter = {}, values) => {
    const inc = filter.include ?? [];
    const exc = filter.exclude ?? [];
    return (inc.length === 0 || values.some((v) => inc.includes(v))) && !values.some((v) => exc.includes(v));
  };
  const inRange = (q, date) =>
    (!q.from && !q.to) || (date != null && (!q.from || date >= q.from) && (!q.to || date <= q.to));

  /** The passages a query matches (search limited to quoted phrases) and every facet's counts. */
  function run(q = {}) {
    const counts = { speaker: {}, topic: {}, voice: {}, document: {}, asked: {} };
    const matrix = {};
    const matches = [];
    for (const p of passages) {
      if (q.phrases && !q.phrases.every((ph) => hasPhrase(p.text, ph))) continue;
      const pass = {};
      for (const [facet, values] of Object.entries(facetValues)) pass[facet] = admits(q[facet], values(p));
      pass.date = inRange(q, p.date);
      const failed = Object.entries(pass).filter(([, ok]) => !ok).map(([f]) => f);
      for (const [facet, values] of Object.entries(facetValues)) {
        if (failed.length === 0 || (failed.length === 1 && failed[0] === facet)) {
          for (const v of values(p)) counts[facet][v] = (counts[facet][v] ?? 0) + 1;
        }
      }
      if (pass.voice && pass.document && pass.asked && pass.date && p.speaker) {
        for (const t of p.allTopics) matrix[`${p.speaker}|${t}`] = (matrix[`${p.speaker}|${t}`] ?? 0) + 1;
      }
      if (failed.length === 0) matches.push(p);
    }
    return { matches, keys: matches.map((p) => p.key).sort(), counts, matrix };
  }

  return { corpus, passages, speakers, documents, run, total: passages.length };
}

// ---------------------------------------------------------------------------------------
// Page helpers.
// ---------------------------------------------------------------------------------------

const SEARCH = 'input[type=search][aria-label="Search passages"]';
const RESULTS = 'ol#results > li > article.passage';
const facetValue = (facet, id) => `aside#facets section[data-facet="${facet}"] li.facet-value[data-id="${id}"]`;

/** Retry `get` until its value deep-equals `expected` (5 s), then assert with the last value. */
async function eventually(get, expected, message, timeout = 5_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const actual = await get();
    try {
      assert.deepEqual(actual, expected, message);
      return actual;
    } catch (err) {
      if (Date.now() > deadline) throw err;
    }
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

const resultCount = (page) => page.locator('#result-count').innerText().then(squash);

/**
 * What `pairs` (run in the page on the rendered cards, returning `[file@start, value]` per
 * card) says of every passage listed, scrolling through the (virtualized) list; list order.
 */
const everyCard = async (page, pairs) => [...(await scrollCollect(page, RESULTS, pairs)).values()];

/** Keys (`file@start`) of the passages listed, sorted. */
const resultKeys = async (page) =>
  [...(await scrollCollect(page, RESULTS, (els) => els.map((a) => [`${a.dataset.doc}@${a.dataset.start}`, 1]))).keys()].sort();

/** The card of passage `file@start`, scrolled into the DOM. */
const cardOf = (page, file, start) => scrollTo(page, `${RESULTS}[data-doc="${file}"][data-start="${start}"]`);

/** Wait until the list shows exactly the passages `expected` (a model run) says. */
async function expectResults(page, model, expected, message = '') {
  const n = expected.keys.length;
  await eventually(() => resultCount(page), `${n} of ${model.total} passages`, `#result-count ${message}`);
  await eventually(() => resultKeys(page), expected.keys, `listed passages ${message}`);
}

/** Every value of a facet as `{ id: { count, pressed, excluded, zero } }`. */
function facetState(page, facet) {
  return page.$$eval(`aside#facets section[data-facet="${facet}"] li.facet-value`, (lis) =>
    Object.fromEntries(
      lis.map((li) => [
        li.dataset.id,
        {
          count: Number(li.querySelector('button.include .count')?.textContent.trim() ?? NaN),
          pressed: li.querySelector('button.include')?.getAttribute('aria-pressed'),
          excluded: li.querySelector('button.exclude')?.getAttribute('aria-pressed'),
          zero: li.classList.contains('zero'),
        },
      ]),
    ),
  );
}

/** Facet counts as `{ id: count }`, for comparing with the model. */
async function facetCounts(page, facet) {
  const state = await facetState(page, facet);
  return Object.fromEntries(Object.entries(state).map(([id, s]) => [id, s.count]));
}

/** What the model says a facet's listed values should count (0 for values it does not see). */
function expectedCounts(listed, counts) {
  return Object.fromEntries(Object.keys(listed).map((id) => [id, counts[id] ?? 0]));
}

/** Ids whose include button is pressed, per facet. */
async function included(page, facet) {
  const state = await facetState(page, facet);
  return Object.keys(state).filter((id) => state[id].pressed === 'true').sort();
}

const hashParams = (page) =>
  page.evaluate(() =>
    Object.fromEntries(
      location.hash
        .replace(/^#/, '')
        .split('&')
        .filter((kv) => kv.includes('='))
        .map((kv) => kv.split('=').map(decodeURIComponent)),
    ),
  );

/** Focus nothing in particular, so single-key shortcuts reach the page. */
const blur = (page) => page.evaluate(() => document.activeElement?.blur());

/**
 * Can the reader see where the element starts (its first line is inside the viewport and not
 * covered, e.g. by a sticky header) and, when `whole`, where it ends?
 */
async function seen(page, selector, { whole = false } = {}) {
  return page.locator(selector).evaluate((el, whole) => {
    const r = el.getBoundingClientRect();
    const x = r.left + Math.min(12, r.width / 2);
    const visibleAt = (y) => {
      if (y < 0 || y >= window.innerHeight) return false;
      const hit = document.elementFromPoint(x, y);
      return !!hit && el.contains(hit);
    };
    const start = visibleAt(r.top + 6);
    const end = visibleAt(r.bottom - 6);
    return {
      visible: start && (!whole || end),
      rect: `top ${Math.round(r.top)}, bottom ${Math.round(r.bottom)}, viewport ${window.innerHeight}`,
      atStart: document.elementFromPoint(x, r.top + 6)?.outerHTML.slice(0, 80) ?? null,
    };
  }, whole);
}

/** Wait until `seen` says visible; fail with where the element was. */
async function expectSeen(page, selector, message, options) {
  const deadline = Date.now() + 5_000;
  let last;
  while (Date.now() < deadline) {
    last = await seen(page, selector, options);
    if (last.visible) return;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  assert.fail(`${message}: ${last.rect}; covered at its first line by ${last.atStart}`);
}

async function isShown(page, selector) {
  const loc = page.locator(selector);
  if (!(await loc.isVisible())) return false;
  return loc.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hidden = el.closest('[inert],[hidden],[aria-hidden="true"]');
    return !hidden && r.right > 0 && r.bottom > 0 && r.left < window.innerWidth && r.top < window.innerHeight;
  });
}

// ---------------------------------------------------------------------------------------
// The tests.
// ---------------------------------------------------------------------------------------

describe('the passage viewer', { timeout: TEST_TIMEOUT_MS * 40 }, () => {
  let site;
  let model;
  let all;
  const STOLTENBERG = 'jens-stoltenberg';

  before(async () => {
    model = buildModel(inspectCorpus());
    all = model.run();
    site = await startSite();
  });
  after(async () => {
    await site?.stop();
  });

  /** Open the viewer (optionally at `#hash`) and wait until it lists passages. */
  async function openViewer(viewport = viewports.desktop, hash = '') {
    const page = await site.open(viewport, { url: site.url + (hash ? `#${hash}` : '') });
    page.setDefaultTimeout(10_000);
    await page.locator('#result-count').waitFor({ timeout: 20_000 });
    await eventually(() => resultCount(page).then((t) => /^\d+ of \d+ passages$/.test(t)), true, '#result-count format', 10_000);
    return page;
  }

  async function finish(page) {
    assert.deepEqual(page.errors, [], 'console errors');
    await page.context().close();
  }

  const stoltenbergPassages = () => model.passages.filter((p) => p.speaker === STOLTENBERG);
  const sampleVerbatim = () =>
    stoltenbergPassages().find((p) => p.mode === 'speech' && !p.text.includes('\n') && p.text.length < 60);

  test('the first view lists every passage with its speaker, voice and facet counts', { timeout: TEST_TIMEOUT_MS }, async () => {
    const page = await openViewer();
    await expectResults(page, model, all, 'on first load');

    // Each card carries the passage's data attributes.
    const cards = await everyCard(page, (els) =>
      els.map((a) => [`${a.dataset.doc}@${a.dataset.start}`, { key: `${a.dataset.doc}@${a.dataset.start}`, speaker: a.dataset.speaker, mode: a.dataset.mode, voice: a.dataset.voice }]),
    );
    const expectedCards = model.passages.map((p) => ({ key: p.key, speaker: p.speaker ?? '', mode: p.mode, voice: p.voice }));
    const byKey = (a, b) => a.key.localeCompare(b.key);
    assert.deepEqual([...cards].sort(byKey), [...expectedCards].sort(byKey), 'article data-speaker/data-mode/data-voice');

    // Facets: all six sections, counts from the corpus.
    assert.equal(await page.locator('aside#facets').getAttribute('aria-label'), 'Filters');
    for (const facet of ['speaker', 'topic', 'voice', 'document', 'asked', 'date']) {
      assert.equal(await page.locator(`aside#facets section[data-facet="${facet}"]`).count(), 1, `section[data-facet=${facet}]`);
    }
    for (const facet of ['speaker', 'topic', 'voice', 'document', 'asked']) {
      const listed = await facetCounts(page, facet);
      const withPassages = Object.keys(all.counts[facet]);
      for (const id of withPassages) assert.ok(id in listed, `${facet} facet lists ${id}`);
      assert.deepEqual(listed, expectedCounts(listed, all.counts[facet]), `${facet} counts`);
    }
    assert.deepEqual(
      Object.keys(await facetState(page, 'voice')).sort(),
      ['narration', 'reported', 'verbatim'],
      'voice values',
    );

    // A value's include button shows its label and count; its exclude button is labelled.
    const stoltenberg = page.locator(facetValue('speaker', STOLTENBERG));
    assert.match(await stoltenberg.locator('button.include').innerText(), /Jens Stoltenberg/);
    assert.equal(await stoltenberg.locator('button.include').getAttribute('aria-pressed'), 'false');
    assert.equal(await stoltenberg.locator('button.exclude').getAttribute('aria-label'), 'Exclude Jens Stoltenberg');
    assert.equal(await stoltenberg.locator('button.exclude').getAttribute('aria-pressed'), 'false');

    // Speakers are grouped by kind under headings, non-empty groups only.
    const groups = await page.$$eval('aside#facets section[data-facet="speaker"] :is(h3, li.facet-value)', (els) => {
      let heading = null;
      const out = {};
      for (const el of els) {
        if (el.tagName === 'H3') heading = el.textContent.trim();
        else out[el.dataset.id] = heading;
      }
      return out;
    });
    const expectedGroups = Object.fromEntries(
      model.corpus.speakers
        .filter((s) => all.counts.speaker[s.id])
        .map((s) => [s.id, SPEAKER_GROUP[s.kind] ?? 'Others']),
    );
    assert.deepEqual(groups, expectedGroups, 'speaker groups');
    // The groups a reader sees (a group without speakers is there, hidden, for a later library).
    const headings = (await page.locator('aside#facets section[data-facet="speaker"] h3:visible').allInnerTexts()).map(squash);
    const order = ['Officials', 'Journalists', 'Outlets', 'Others'];
    assert.deepEqual(headings, order.filter((h) => Object.values(expectedGroups).includes(h)), 'speaker group headings');

    // Date inputs, no active filters, desktop shows the facets and hides the drawer toggle.
    assert.equal(await page.getByLabel('From date', { exact: true }).getAttribute('type'), 'date');
    assert.equal(await page.getByLabel('To date', { exact: true }).getAttribute('type'), 'date');
    assert.equal(await page.locator('#active-filters button.chip').count(), 0);
    assert.equal(await page.locator('button#clear-all').count(), 0, 'no "Clear all" without filters');
    assert.ok(await isShown(page, 'aside#facets'), 'facets visible on desktop');
    assert.equal(await page.locator('button#filters-toggle').isVisible(), false, 'drawer toggle hidden on desktop');

    await screenshot(page, 'viewer-1280x800');
    await finish(page);
  });

  test('choosing a speaker shows only that speaker’s passages and updates the other facets’ counts', { timeout: TEST_TIMEOUT_MS }, async () => {
    const page = await openViewer();
    const before = await facetState(page, 'voice');
    await page.locator(`${facetValue('speaker', STOLTENBERG)} button.include`).click();

    const q = { speaker: { include: [STOLTENBERG] } };
    const expected = model.run(q);
    assert.equal(expected.keys.length, stoltenbergPassages().length);
    await expectResults(page, model, expected, 'with Stoltenberg chosen');
    assert.deepEqual(
      [...new Set(await everyCard(page, (els) => els.map((a) => [`${a.dataset.doc}@${a.dataset.start}`, a.dataset.speaker])))],
      [STOLTENBERG],
      'every card is Stoltenberg’s',
    );
    assert.equal(await page.locator(`${facetValue('speaker', STOLTENBERG)} button.include`).getAttribute('aria-pressed'), 'true');

    // Other facets count within the choice; the speaker facet ignores its own filter.
    for (const facet of ['voice', 'topic', 'document', 'asked']) {
      const listed = await facetCounts(page, facet);
      assert.deepEqual(listed, expectedCounts(listed, expected.counts[facet]), `${facet} counts with Stoltenberg chosen`);
    }
    const voices = await facetState(page, 'voice');
    assert.notDeepEqual(voices, before, 'voice counts changed');
    for (const [id, s] of Object.entries(voices)) assert.equal(s.zero, s.count === 0, `li.zero on voice ${id}`);
    const speakers = await facetCounts(page, 'speaker');
    assert.deepEqual(speakers, expectedCounts(speakers, all.counts.speaker), 'speaker counts ignore the speaker filter');

    // The choice is a chip, with "Clear all", and lives in the URL.
    const chips = page.locator('#active-filters button.chip');
    assert.equal(await chips.count(), 1);
    assert.match(await chips.first().getAttribute('aria-label'), /^Remove filter/);
    assert.equal(await page.locator('#active-filters button#clear-all').innerText().then(squash), 'Clear all');
    assert.equal((await hashParams(page)).speaker, STOLTENBERG);

    await page.locator('button#clear-all').click();
    await expectResults(page, model, all, 'after Clear all');
    assert.equal(await chips.count(), 0);
    await finish(page);
  });

  test('excluding a speaker hides that speaker’s passages and the chip removes the exclusion', { timeout: TEST_TIMEOUT_MS }, async () => {
    const page = await openViewer();
    const value = facetValue('speaker', STOLTENBERG);
    await page.locator(`${value} button.exclude`).click();

    const expected = model.run({ speaker: { exclude: [STOLTENBERG] } });
    assert.equal(expected.keys.length, model.total - stoltenbergPassages().length);
    await expectResults(page, model, expected, 'with Stoltenberg excluded');
    assert.equal(await page.locator(`${RESULTS}[data-speaker="${STOLTENBERG}"]`).count(), 0);
    assert.equal(await page.locator(`${value} button.exclude`).getAttribute('aria-pressed'), 'true');
    assert.equal(await page.locator(`${value} button.include`).getAttribute('aria-pressed'), 'false');
    assert.equal((await hashParams(page)).speaker, `!${STOLTENBERG}`);

    const voices = await facetState(page, 'voice');
    assert.deepEqual(
      Object.fromEntries(Object.entries(voices).map(([id, s]) => [id, s.count])),
      expectedCounts(voices, expected.counts.voice),
      'voice counts without Stoltenberg',
    );
    for (const [id, s] of Object.entries(voices)) assert.equal(s.zero, s.count === 0, `li.zero on voice ${id}`);

    const chip = page.locator('#active-filters button.chip');
    assert.equal(await chip.count(), 1);
    assert.match(await chip.getAttribute('aria-label'), /^Remove filter.*Jens Stoltenberg/);
    await chip.click();
    await expectResults(page, model, all, 'after removing the chip');
    await finish(page);
  });

  test('a topic filter shows only passages on that topic, and a parent topic includes its subtopics', { timeout: TEST_TIMEOUT_MS }, async () => {
    const page = await openViewer();
    await page.locator(`${facetValue('topic', 'israel-hamas-war')} button.include`).click();
    const israel = model.run({ topic: { include: ['israel-hamas-war'] } });
    assert.ok(israel.keys.length > 0);
    await expectResults(page, model, israel, 'with israel-hamas-war');
    const chipsPerCard = await everyCard(page, (els) =>
      els.map((a) => [`${a.dataset.doc}@${a.dataset.start}`, [...a.querySelectorAll('button.topic-chip')].map((b) => b.dataset.topic)]),
    );
    for (const topics of chipsPerCard) assert.ok(topics.includes('israel-hamas-war'), `topic chips ${topics}`);
    const speakers = await facetCounts(page, 'speaker');
    assert.deepEqual(speakers, expectedCounts(speakers, israel.counts.speaker), 'speaker counts on israel-hamas-war');
    assert.equal((await hashParams(page)).topic, 'israel-hamas-war');

    // Replace it with a parent topic: its subtopics' passages are shown too.
    await page.locator('button#clear-all').click();
    await expectResults(page, model, all, 'after clearing the topic');
    await page.locator(`${facetValue('topic', 'kosovo-security')} button.include`).click();
    const kosovo = model.run({ topic: { include: ['kosovo-security'] } });
    const direct = model.passages.filter((p) => p.topics.includes('kosovo-security')).length;
    assert.ok(kosovo.keys.length > direct, 'the corpus has subtopic-only passages');
    await expectResults(page, model, kosovo, 'with kosovo-security (and subtopics)');
    await finish(page);
  });

  test('clicking a topic chip on a passage filters by that topic only', { timeout: TEST_TIMEOUT_MS }, async () => {
    // A passage tagged with both Ukraine and the Israel–Hamas war.
    const both = model.passages.find((p) => p.topics.includes('ukraine') && p.topics.includes('israel-hamas-war'));
    assert.ok(both, 'corpus has a passage on Ukraine and the Israel–Hamas war');
    const page = await openViewer(viewports.desktop, 'topic=ukraine');
    await expectResults(page, model, model.run({ topic: { include: ['ukraine'] } }), 'at #topic=ukraine');

    const card = await cardOf(page, both.file, both.start);
    await card.locator('button.topic-chip[data-topic="israel-hamas-war"]').click();
    await expectResults(page, model, model.run({ topic: { include: ['israel-hamas-war'] } }), 'after the topic chip');
    assert.deepEqual(await included(page, 'topic'), ['israel-hamas-war']);
    assert.equal((await hashParams(page)).topic, 'israel-hamas-war');
    await finish(page);
  });

  test('typing a search filters at once and highlights the hits in mark elements; / focuses and Esc clears', { timeout: TEST_TIMEOUT_MS }, async () => {
    const page = await openViewer();
    const search = page.getByRole('searchbox', { name: 'Search passages' });
    assert.equal(await page.locator(SEARCH).count(), 1, SEARCH);

    await blur(page);
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Search passages', '/ focuses the search box');
    assert.equal(await search.inputValue(), '', '/ is not typed into the box');

    await page.keyboard.type('patrols', { delay: 30 }); // no Enter
    const withWord = model.passages.filter((p) => words(p.text).includes('patrols'));
    assert.ok(withWord.length >= 2);
    await expectResults(page, model, { keys: withWord.map((p) => p.key).sort() }, 'for patrols');

    const cards = await everyCard(page, (els) =>
      els.map((a) => {
        const text = a.querySelector('.text');
        return [`${a.dataset.doc}@${a.dataset.start}`, {
          key: `${a.dataset.doc}@${a.dataset.start}`,
          marks: [...text.querySelectorAll('mark')].map((m) => m.textContent),
          // Only text nodes and <mark> elements (holding only text) inside .text.
          foreign: [...text.querySelectorAll('*')].filter((el) => el.tagName !== 'MARK' || el.children.length).map((el) => el.tagName),
          text: text.textContent,
        }];
      }),
    );
    for (const c of cards) {
      const p = model.passages.find((x) => x.key === c.key);
      assert.deepEqual(c.marks.map(fold), ['patrols'], `marks in ${c.key}`);
      assert.deepEqual(c.foreign, [], `.text holds only text and <mark> in ${c.key}`);
      assert.equal(squash(c.text), squash(p.text), `.text of ${c.key}`);
    }
    // The URL follows the search box once typing pauses.
    await eventually(async () => (await hashParams(page)).q, 'patrols', 'q in the URL after typing');

    await page.keyboard.press('Escape');
    await eventually(() => search.inputValue(), '', 'Esc clears the search');
    await expectResults(page, model, all, 'after Esc');
    await finish(page);
  });

  test('a "quoted phrase" matches that exact phrase only, ignoring case and diacritics', { timeout: TEST_TIMEOUT_MS }, async () => {
    const page = await openViewer();
    const search = page.getByRole('searchbox', { name: 'Search passages' });

    const morePatrols = model.run({ phrases: ['more patrols'] });
    assert.equal(morePatrols.keys.length, 1, 'one passage says “more patrols”');
    await search.fill('"more patrols"');
    await expectResults(page, model, morePatrols, 'for "more patrols"');
    assert.deepEqual((await page.locator(`${RESULTS} .text mark`).allTextContents()).map(fold), ['more patrols']);

    // Words of a phrase in another order or apart do not match it.
    const phrase = 'north of kosovo';
    const exact = model.run({ phrases: [phrase] });
    const loose = model.passages.filter((p) => ['north', 'of', 'kosovo'].every((w) => words(p.text).includes(w)));
    assert.ok(loose.length > exact.keys.length && exact.keys.length > 0, 'corpus distinguishes phrase and words');

    await search.fill('north of kosovo ');
    await eventually(
      async () => {
        const keys = await resultKeys(page);
        return loose.every((p) => keys.includes(p.key));
      },
      true,
      'unquoted words find every passage holding all three',
    );

    for (const typed of ['"north of kosovo"', '"NÖRTH OF KÓSOVO"', '“North Of Kosovo”']) {
      await search.fill(typed);
      await expectResults(page, model, exact, `for ${typed}`);
      const marks = (await page.locator(`${RESULTS} .text mark`).allTextContents()).map(fold);
      assert.ok(marks.length >= exact.keys.length, `marks for ${typed}`);
      for (const m of marks) assert.equal(m, phrase, `mark text for ${typed}`);
    }

    await search.fill('"kosovo of north"');
    await expectResults(page, model, model.run({ phrases: ['kosovo of north'] }), 'for a reversed phrase');
    await finish(page);
  });

  test('reloading restores filters, search text and the open passage from the URL', { timeout: TEST_TIMEOUT_MS }, async () => {
    // A link straight to a view.
    let page = await openViewer(viewports.desktop, `q=patrols&speaker=${STOLTENBERG}`);
    const expected = model.passages.filter((p) => p.speaker === STOLTENBERG && words(p.text).includes('patrols'));
    await expectResults(page, model, { keys: expected.map((p) => p.key).sort() }, 'at #q=patrols&speaker=…');
    assert.equal(await page.locator(SEARCH).inputValue(), 'patrols');
    assert.deepEqual(await included(page, 'speaker'), [STOLTENBERG]);
    await page.context().close();

    // A view built by clicking survives a reload.
    page = await openViewer();
    await page.locator(`${facetValue('voice', 'reported')} button.include`).click();
    await page.locator(SEARCH).fill('kosovo');
    await eventually(async () => (await hashParams(page)).q, 'kosovo', 'q in the URL');
    const target = (await page.$$eval(RESULTS, (els) => els.map((a) => `${a.dataset.doc}@${a.dataset.start}`)))[0];
    assert.ok(target, 'some reported passage mentions Kosovo');
    await page.locator(RESULTS).first().locator('button.open').click();
    await page.locator('section#document').waitFor();
    const hash = await page.evaluate(() => location.hash);
    assert.match(hash, new RegExp(`open=${target.replace('.', '\\.')}`));
    const keys = await resultKeys(page);

    await page.reload({ waitUntil: 'load' });
    await page.locator('#result-count').waitFor({ timeout: 20_000 });
    assert.equal(await page.evaluate(() => location.hash), hash, 'hash kept');
    await eventually(() => page.locator(SEARCH).inputValue(), 'kosovo', 'search text after reload');
    assert.deepEqual(await included(page, 'voice'), ['reported'], 'voice filter after reload');
    await eventually(() => resultKeys(page), keys, 'results after reload');
    await page.locator('section#document').waitFor();
    assert.equal(await page.locator('section#document .current').getAttribute('data-start'), target.split('@')[1]);
    await finish(page);
  });

  test('Back undoes a facet click, and typing a search does not add history entries', { timeout: TEST_TIMEOUT_MS }, async () => {
    const page = await openViewer();
    await page.locator(`${facetValue('voice', 'reported')} button.include`).click();
    const reported = model.run({ voice: { include: ['reported'] } });
    await expectResults(page, model, reported, 'after Reported');
    await page.locator(`${facetValue('document', model.corpus.documents[0].file)} button.exclude`).click();
    const both = model.run({ voice: { include: ['reported'] }, document: { exclude: [model.corpus.documents[0].file] } });
    await expectResults(page, model, both, 'after excluding a document');

    await page.goBack();
    await expectResults(page, model, reported, 'after one Back');
    assert.equal(await page.locator(`${facetValue('document', model.corpus.documents[0].file)} button.exclude`).getAttribute('aria-pressed'), 'false');
    assert.deepEqual(await included(page, 'voice'), ['reported']);
    await page.goBack();
    await expectResults(page, model, all, 'after two Backs');
    assert.deepEqual(await included(page, 'voice'), []);
    await page.goForward();
    await expectResults(page, model, reported, 'after Forward');

    const length = await page.evaluate(() => history.length);
    await page.locator(SEARCH).click();
    await page.keyboard.type('troops', { delay: 40 });
    // Written once typing pauses, not at every keystroke (see url_sync.rs).
    await eventually(async () => (await hashParams(page)).q, 'troops', 'q in the URL after typing');
    assert.equal(await page.evaluate(() => history.length), length, 'typing replaces the history entry');
    // Leaving right after typing, before that pause: Back returns to what was typed.
    await page.locator(SEARCH).fill('kosovo');
    await page.goto('about:blank');
    await page.goBack();
    await eventually(async () => (await hashParams(page)).q, 'kosovo', 'q written when the page was left');
    await finish(page);
  });

  test('j and k move the selection through the results and Enter opens the selected passage', { timeout: TEST_TIMEOUT_MS }, async () => {
    const page = await openViewer();
    const keys = await page.$$eval(RESULTS, (els) => els.map((a) => `${a.dataset.doc}@${a.dataset.start}`));
    const selection = () =>
      page.evaluate((sel) => {
        const current = [...document.querySelectorAll(sel)].filter((a) => a.getAttribute('aria-current') === 'true');
        return {
          current: current.map((a) => `${a.dataset.doc}@${a.dataset.start}`),
          focused: document.activeElement?.matches('article.passage')
            ? `${document.activeElement.dataset.doc}@${document.activeElement.dataset.start}`
            : document.activeElement?.tagName,
        };
      }, RESULTS);
    const at = (i) => ({ current: [keys[i]], focused: keys[i] });

    await blur(page);
    await page.keyboard.press('j');
    await eventually(selection, at(0), 'j selects the first result');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await eventually(selection, at(2), 'j j');
    await page.keyboard.press('k');
    await eventually(selection, at(1), 'k');
    await page.keyboard.press('ArrowDown');
    await eventually(selection, at(2), 'ArrowDown');
    await page.keyboard.press('ArrowUp');
    await eventually(selection, at(1), 'ArrowUp');
    assert.equal(await page.locator(SEARCH).inputValue(), '', 'keys are not typed into the search box');

    await page.keyboard.press('Enter');
    await page.locator('section#document').waitFor();
    const [file, start] = keys[1].split('@');
    assert.equal((await hashParams(page)).open, `${file}@${start}`);
    assert.equal(await page.locator('section#document .current').getAttribute('data-start'), start);
    await finish(page);
  });

  test('opening a passage shows its document scrolled to it, with speakers and boilerplate labelled', { timeout: TEST_TIMEOUT_MS }, async () => {
    // The last passage of the document with boilerplate: far down, so it must scroll.
    const doc = model.corpus.documents.find((d) => d.boilerplate.length > 0);
    const target = doc.passages[doc.passages.length - 1];
    const page = await openViewer();
    const card = await cardOf(page, doc.file, target.start);
    assert.equal(await card.locator('button.open').innerText().then(squash), 'Open in document');
    assert.match(await card.locator('a.permalink').getAttribute('href'), new RegExp(`^#.*open=${doc.file.replace('.', '\\.')}@${target.start}\\b`));
    await card.locator('button.open').click();

    const section = page.locator('section#document');
    await section.waitFor();
    assert.equal((await hashParams(page)).open, `${doc.file}@${target.start}`);
    assert.equal(await section.getAttribute('aria-label'), `Document: ${doc.title}`);
    assert.match(squash(await section.locator('.metadata').innerText()), new RegExp(doc.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));

    const starts = await section.locator('[data-start]').evaluateAll((els) => els.map((e) => Number(e.dataset.start)));
    assert.deepEqual(starts, doc.passages.map((p) => p.start), 'every passage of the document, in order');
    assert.deepEqual(await section.locator('.current').evaluateAll((els) => els.map((e) => Number(e.dataset.start))), [target.start]);
    // Checked now, asserted at the end, so the rest of the document view is checked too.
    const scrolled = await expectSeen(page, 'section#document .current', 'the start of the opened passage is scrolled into view').then(
      () => null,
      (err) => err,
    );

    const sectionText = squash(await section.innerText());
    for (const p of doc.passages) {
      const name = p.speaker ? model.speakers.get(p.speaker).name : null;
      if (name) assert.ok(sectionText.includes(name), `speaker label ${name}`);
    }
    const boilerplate = section.locator('.boilerplate');
    assert.equal(await boilerplate.count(), doc.boilerplate.length, '.boilerplate blocks');
    for (let i = 0; i < doc.boilerplate.length; i++) {
      const b = boilerplate.nth(i);
      const label = `${await b.textContent()} ${(await b.getAttribute('aria-label')) ?? ''}`;
      assert.match(label, /Boilerplate/, `boilerplate block ${i} labelled`);
      assert.ok(squash(label).includes(squash(doc.boilerplate[i].text).replace(/…$/, '')), `boilerplate block ${i} text`);
    }
    await screenshot(page, 'viewer-document-1280x800');

    await page.locator('button#close-document').click();
    await eventually(() => section.count(), 0, 'closed by the button');
    assert.equal((await hashParams(page)).open, undefined);

    // A permalink to a short passage of another document shows all of it; Esc closes it.
    const other = model.corpus.documents.find((d) => d !== doc);
    const short = other.passages.filter((p) => p.text.length < 200).at(-1);
    await page.goto(`${site.url}#open=${other.file}@${short.start}`);
    await section.waitFor();
    await eventually(() => section.locator('.current').getAttribute('data-start'), String(short.start), 'permalink opens its passage');
    await expectSeen(page, 'section#document .current', 'the passage a permalink opens is in view', { whole: true });
    await blur(page);
    await page.keyboard.press('Escape');
    await eventually(() => section.count(), 0, 'closed by Esc');
    if (scrolled) throw scrolled;
    await finish(page);
  });

  test('an answer card shows the question it replies to', { timeout: TEST_TIMEOUT_MS }, async () => {
    const answer = model.passages.find((p) => p.reply_to != null);
    assert.ok(answer, 'corpus has an answer');
    const question = answer.doc.passages.find((q) => q.turn === answer.reply_to && q.mode === 'question');
    const asker = model.speakers.get(question.speaker).name;
    const page = await openViewer();
    const details = (await cardOf(page, answer.file, answer.start)).locator('details.question');
    assert.ok(squash(await details.locator('summary').innerText()).startsWith(`Question from ${asker}`));
    await details.locator('summary').click();
    assert.equal(await details.evaluate((d) => d.open), true);
    assert.ok(squash(await details.innerText()).includes(squash(question.text).slice(0, 80)), 'question text shown');
    await finish(page);
  });

  test('who says it most ranks the speakers of the matching passages and a click narrows to one', { timeout: TEST_TIMEOUT_MS }, async () => {
    const page = await openViewer();
    const buttons = page.locator('#top-speakers button');
    /** [name, count] per button, as shown. */
    const ranking = async () =>
      (await buttons.allInnerTexts()).map((t) => {
        const m = squash(t).match(/^(.*?)\s*(\d+)$/);
        return m ? [m[1], Number(m[2])] : [squash(t), NaN];
      });
    const expectedRanking = (counts) => {
      const rows = Object.entries(counts).map(([id, n]) => [model.speakers.get(id).name, n]);
      return rows.sort((a, b) => b[1] - a[1]);
    };
    const sameRanking = (actual, expected) => {
      // Equal counts may come in any order.
      assert.deepEqual(actual.map(([, n]) => n), expected.map(([, n]) => n), 'counts, most first');
      assert.deepEqual([...actual].sort(), [...expected].sort(), 'speakers and counts');
    };
    sameRanking(await ranking(), expectedRanking(all.counts.speaker));

    // With a topic chosen it counts that topic's passages.
    await page.locator(`${facetValue('topic', 'western-balkans')} button.include`).click();
    const balkans = model.run({ topic: { include: ['western-balkans'] } });
    await expectResults(page, model, balkans, 'with western-balkans');
    sameRanking(await ranking(), expectedRanking(balkans.counts.speaker));

    // A click narrows to that speaker only.
    const rows = await ranking();
    const [name] = rows[rows.length - 1];
    const id = model.corpus.speakers.find((s) => s.name === name).id;
    await buttons.nth(rows.length - 1).click();
    const narrowed = { topic: { include: ['western-balkans'] }, speaker: { include: [id] } };
    await expectResults(page, model, model.run(narrowed), `after choosing ${name}`);
    assert.deepEqual(await included(page, 'speaker'), [id]);
    assert.equal((await hashParams(page)).speaker, id);

    // Only speakers with matching passages are listed: now just the chosen one.
    sameRanking(await ranking(), [[name, model.run(narrowed).keys.length]]);
    await finish(page);
  });

  test('the matrix counts passages per speaker and topic, and a cell sets both filters', { timeout: TEST_TIMEOUT_MS }, async () => {
    const page = await openViewer();
    // The matrix may sit in a collapsed panel (built only when opened): open it as a reader would.
    if (!(await page.locator('table#matrix').isVisible())) {
      await page
        .locator('details:has(table#matrix) > summary')
        .or(page.locator('details > summary').filter({ hasText: /speaker\s*×\s*topic/i }))
        .first()
        .click();
    }
    await page.locator('table#matrix').waitFor({ state: 'visible' });
    const cells = await page.$$eval('table#matrix td button.cell[data-speaker][data-topic]', (els) =>
      Object.fromEntries(els.map((b) => [`${b.dataset.speaker}|${b.dataset.topic}`, Number(b.textContent.trim() || 0)])),
    );
    // Every cell shown holds the model's count (the table may show only the busiest rows/columns).
    assert.ok(Object.keys(cells).length > 0, 'matrix has cells');
    assert.deepEqual(cells, Object.fromEntries(Object.keys(cells).map((k) => [k, all.matrix[k] ?? 0])), 'matrix cells');
    const columns = await page.$$eval('table#matrix thead th button[data-topic]', (els) => els.map((b) => b.dataset.topic));
    const rowsShown = await page.$$eval('table#matrix tbody th button[data-speaker]', (els) => els.map((b) => b.dataset.speaker));
    assert.ok(columns.length > 0 && rowsShown.length > 0, 'row and column headers');
    assert.equal(Object.keys(cells).length, columns.length * rowsShown.length, 'one cell per row and column');
    const busiest = Object.entries(all.counts.topic).sort((a, b) => b[1] - a[1])[0][0];
    assert.ok(columns.includes(busiest), `the busiest topic (${busiest}) has a column`);

    await page.locator(`table#matrix td button.cell[data-speaker="${STOLTENBERG}"][data-topic="kfor"]`).click();
    const cell = model.run({ speaker: { include: [STOLTENBERG] }, topic: { include: ['kfor'] } });
    assert.equal(cell.keys.length, all.matrix[`${STOLTENBERG}|kfor`]);
    await expectResults(page, model, cell, 'after the Stoltenberg × KFOR cell');
    assert.deepEqual(await included(page, 'speaker'), [STOLTENBERG]);
    assert.deepEqual(await included(page, 'topic'), ['kfor']);
    const params = await hashParams(page);
    assert.equal(params.speaker, STOLTENBERG);
    assert.equal(params.topic, 'kfor');

    // A column header sets the topic alone.
    const column = columns.find((t) => t !== 'kfor');
    await page.locator(`table#matrix thead th button[data-topic="${column}"]`).click();
    await expectResults(
      page,
      model,
      model.run({ speaker: { include: [STOLTENBERG] }, topic: { include: [column] } }),
      `after the ${column} column header`,
    );
    assert.deepEqual(await included(page, 'topic'), [column]);
    assert.deepEqual(await included(page, 'speaker'), [STOLTENBERG]);
    await screenshot(page, 'viewer-filtered-1280x800');
    await finish(page);
  });

  test('the timeline shows passages per document date and a bar sets the date range', { timeout: TEST_TIMEOUT_MS }, async () => {
    const page = await openViewer();
    const perDate = {};
    let undated = 0;
    for (const p of model.passages) {
      if (p.date) perDate[p.date] = (perDate[p.date] ?? 0) + 1;
      else undated++;
    }
    const bars = await page.$$eval('#timeline button.bar', (els) => els.map((b) => [b.dataset.date, b.getAttribute('aria-label')]));
    assert.deepEqual(bars.map(([d]) => d).sort(), Object.keys(perDate).sort(), 'one bar per date');
    for (const [date, label] of bars) assert.match(label ?? '', new RegExp(`\\b${perDate[date]}\\b`), `bar ${date} aria-label`);
    assert.match(squash(await page.locator('#timeline .undated').innerText()), new RegExp(`\\b${undated}\\b`));

    const [date] = Object.keys(perDate);
    await page.locator(`#timeline button.bar[data-date="${date}"]`).click();
    const expected = model.run({ from: date, to: date });
    await expectResults(page, model, expected, `after the ${date} bar`);
    assert.equal(await page.getByLabel('From date', { exact: true }).inputValue(), date);
    assert.equal(await page.getByLabel('To date', { exact: true }).inputValue(), date);
    const params = await hashParams(page);
    assert.equal(params.from, date);
    assert.equal(params.to, date);

    // Typing a later From date leaves nothing.
    await page.getByLabel('To date', { exact: true }).fill('');
    await page.getByLabel('From date', { exact: true }).fill('2099-01-01');
    await expectResults(page, model, model.run({ from: '2099-01-01' }), 'from 2099');
    await finish(page);
  });

  test('on a phone the filters open in a drawer from the Filters button', { timeout: TEST_TIMEOUT_MS }, async () => {
    const page = await openViewer(viewports.phone);
    await expectResults(page, model, all, 'on a phone');
    const toggle = page.locator('button#filters-toggle');
    assert.ok(await toggle.isVisible(), '#filters-toggle visible on a phone');
    assert.equal(await toggle.getAttribute('aria-controls'), 'facets');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await isShown(page, 'aside#facets'), false, '#facets hidden before the toggle is pressed');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, 'no horizontal scrolling on a phone');
    await screenshot(page, 'viewer-390x844');

    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await eventually(() => isShown(page, 'aside#facets'), true, '#facets shown after the toggle is pressed');
    const include = page.locator(`${facetValue('speaker', STOLTENBERG)} button.include`);
    await include.scrollIntoViewIfNeeded();
    assert.ok(await isShown(page, `${facetValue('speaker', STOLTENBERG)} button.include`), 'a facet value can be reached');
    await screenshot(page, 'viewer-drawer-390x844');
    await include.click();
    await expectResults(page, model, model.run({ speaker: { include: [STOLTENBERG] } }), 'choosing in the drawer');
    await finish(page);
  });

  test('on a phone, opening a passage shows its document with the passage in view and Close returns to the list', { timeout: TEST_TIMEOUT_MS }, async () => {
    const p = model.passages.filter((x) => x.speaker && x.text.length < 200 && x.date).at(-1);
    assert.ok(p, 'a short dated passage');
    const page = await openViewer(viewports.phone);
    const card = await cardOf(page, p.file, p.start);
    await card.locator('button.open').click();
    await page.locator('section#document .current').waitFor();
    assert.equal(await page.locator('section#document .current').getAttribute('data-start'), String(p.start));
    await expectSeen(page, 'section#document .current', 'the opened passage is in view on a phone', { whole: true });
    assert.ok(await isShown(page, 'button#close-document'), 'Close is reachable on a phone');
    await page.locator('button#close-document').click();
    await eventually(() => page.locator('section#document').count(), 0, 'closed');
    assert.ok(await isShown(page, `${RESULTS}[data-doc="${p.file}"][data-start="${p.start}"]`), 'back at the passage in the list');
    await finish(page);
  });

  test('when nothing matches, the empty state lists the filters and removing one brings results back', { timeout: TEST_TIMEOUT_MS }, async () => {
    const q = { speaker: { include: ['reporter'] }, voice: { include: ['narration'] } };
    assert.equal(model.run(q).keys.length, 0);
    const page = await openViewer(viewports.desktop, 'speaker=reporter&voice=narration');
    await expectResults(page, model, { keys: [] }, 'for a reporter’s narration');
    const empty = page.locator('#empty');
    assert.match(squash(await empty.innerText()), /No passages match/);
    const buttons = empty.locator('button');
    assert.equal(await buttons.count(), 2, 'one button per active filter');
    const labels = await buttons.evaluateAll((els) => els.map((b) => `${b.textContent} ${b.getAttribute('aria-label') ?? ''}`));
    const narration = labels.findIndex((l) => /narration/i.test(l));
    assert.ok(narration >= 0, `a button removes Narration: ${JSON.stringify(labels)}`);
    await buttons.nth(narration).click();
    await expectResults(page, model, model.run({ speaker: { include: ['reporter'] } }), 'after removing Narration');
    assert.equal(await empty.count(), 0, '#empty gone');
    await finish(page);
  });

  test('a malformed URL shows the default view without console errors', { timeout: TEST_TIMEOUT_MS }, async () => {
    const page = await openViewer(viewports.desktop, 'speaker=%ZZ&from=2023-99-99&zzz');
    await expectResults(page, model, all, 'at a malformed URL');
    assert.equal(await page.locator('#active-filters button.chip').count(), 0);
    assert.equal(await page.locator(SEARCH).inputValue(), '');
    assert.equal(await page.getByLabel('From date', { exact: true }).inputValue(), '');
    assert.equal(await page.locator('section#document').count(), 0);
    for (const facet of ['speaker', 'topic', 'voice']) assert.deepEqual(await included(page, facet), [], facet);
    // Unknown ids and a missing passage are no reason to fail either.
    await page.goto(`${site.url}#speaker=nobody&open=missing.txt@12&topic=!nothing`);
    await page.reload({ waitUntil: 'load' });
    await page.locator('#result-count').waitFor({ timeout: 20_000 });
    await eventually(() => resultCount(page), `${model.total} of ${model.total} passages`, 'unknown ids are ignored');
    await finish(page);
  });

  test('copy citation puts a quotable citation on the clipboard and says so', { timeout: TEST_TIMEOUT_MS }, async () => {
    const p = sampleVerbatim();
    assert.ok(p, 'a short one-line Stoltenberg speech passage');
    const speaker = model.speakers.get(p.speaker);
    const page = await openViewer();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url).origin });
    const card = await cardOf(page, p.file, p.start);
    assert.equal(squash(await card.locator('button.copy').innerText()), 'Copy citation');
    await card.locator('button.copy').click();
    const toast = page.locator('#toast');
    await eventually(async () => squash(await toast.innerText().catch(() => '')), 'Citation copied', '#toast');
    assert.equal(await toast.getAttribute('role'), 'status');
    const date = p.date ?? 'undated';
    const expected = `“${p.text}” — ${speaker.name} (${speaker.role}), ${p.doc.title}, ${p.doc.source}, ${date}`;
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), expected, 'citation text');

    assert.equal(squash(await card.locator('button.copy-md').innerText()), 'Copy as Markdown');
    await card.locator('button.copy-md').click();
    await eventually(
      async () => (await page.evaluate(() => navigator.clipboard.readText())).includes(p.text),
      true,
      'Markdown citation holds the passage',
    );
    await finish(page);
  });
});
