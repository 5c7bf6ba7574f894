#!/usr/bin/env node
// How long an import holds the page's main thread: three imports through the file picker of a
// built site, each in a fresh page, timed in headless Chromium, untraced.
//
//   node bench/import-freeze.mjs [--dist DIR] [--rounds N] [--pause MS] [--typing] [SYNTH_DIR]
//
// SYNTH_DIR   synthetic documents to import (default target/bench-corpus/100, written by
//             `make bench` or `cargo run -p podium-cli -- synth --docs 100 --out DIR`)
// --dist DIR  the built site (default dist/); --rounds N  page loads per import (default 3)
// --pause MS  wait between opening the import panel and choosing the files, as a reader
//             would (default 0: the files are chosen at once)
// --typing    a reader types a search in the search box while the import runs (30 ms between
//             keys, from the files chosen until past the import's end); also typed with no
//             import, for comparison
//
// The imports: two files; every file of SYNTH_DIR; one file of about 1 MB (SYNTH_DIR's texts
// joined, four times). For each: wall time from choosing the files to the progress line gone
// (parsed, indexed, saved; not with --typing, where the keys outlast the import), long tasks
// (> 50 ms, PerformanceObserver 'longtask'), the longest gap between animation frames, and
// the gaps in which the page missed more than one frame in a row: over 2.5 frames between
// two. Animation frames are stamped with their vsync, so gaps come in whole frames (16.7 ms
// at 60 Hz): 33 ms is one frame missed, 50 ms two.
//
// With --typing, for the key presses: the longest wait before the page handled one (input
// delay: the keydown handler's start minus the event's time stamp) and the longest time from
// a key press to the next frame painted after it was handled (the Event Timing API's
// duration, reported from 16 ms, in steps of 8 ms).
//
// Playwright hands a chosen file to the page through the renderer's main thread: for the
// 1 MB file that alone is a long task before the app sees the file, so the figures start at
// the `change` event of the file input. bench/import-trace.mjs times frames by when their
// callbacks ran, which is later when the main thread was busy at the vsync; here they are
// the frames' own times, untraced: the frames a reader sees.

import { join, resolve } from 'node:path';

import { repoRoot, startSite, viewports } from '../e2e/lib.mjs';
import { importSets } from './imports.mjs';

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(name);
  if (i < 0) return fallback;
  const [, v] = argv.splice(i, 2);
  return v;
};
const flag = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv.splice(i, 1).length > 0 : false;
};
const dist = resolve(opt('--dist', join(repoRoot, 'dist')));
const rounds = Number(opt('--rounds', '3'));
const pause = Number(opt('--pause', '0'));
const typing = flag('--typing');
const dir = resolve(argv[0] ?? join(repoRoot, 'target', 'bench-corpus', '100'));

let sets;
try {
  sets = importSets(dir);
} catch {
  console.error(`import-freeze: ${dir} is missing: run \`make bench\` or podium-cli synth first`);
  process.exit(2);
}
const imports = {
  ...(typing ? { 'no import': [] } : {}),
  'two files': sets.two,
  [`${sets.all.length} files`]: sets.all,
  'one large file': sets.large,
};
// Typed one key every 30 ms, about 1.3 s: past the end of every import above on this machine.
const SEARCH = 'alliance defence spending talks';

/** Watches the page from the file input's change event (or, with no files, from now). */
function watch(withFiles) {
  const seen = { longTasks: [], frames: [], keys: [], events: [], start: 0, done: false };
  window.__freeze = seen;
  const begin = () => {
    seen.start = performance.now();
    new PerformanceObserver((list) => {
      // Not the task that set the files (Playwright's), which is running now.
      for (const e of list.getEntries()) {
        if (e.startTime > seen.start) seen.longTasks.push(Math.round(e.duration));
      }
    }).observe({ type: 'longtask' });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'keydown') seen.events.push(e.duration);
    }).observe({ type: 'event', durationThreshold: 16 });
    addEventListener('keydown', (e) => seen.keys.push(performance.now() - e.timeStamp), { capture: true });
    seen.frames.push(performance.now());
    const frame = (t) => {
      seen.frames.push(t);
      if (!seen.done) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  };
  if (withFiles) document.querySelector('#import-files').addEventListener('change', begin, { capture: true, once: true });
  else begin();
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${Math.round(x)} ms`;
const site = await startSite({ dist });
console.log(
  `| import | bytes | wall time (median) | long tasks > 50 ms (per import) | longest frame gap (median, max) | gaps of over 2.5 frames (per import) |` +
    (typing ? ' key press: longest input delay | key press to next paint, longest (median, max) |' : ''),
);
console.log(`|---|---:|---:|---|---:|---|${typing ? '---:|---:|' : ''}`);
try {
  for (const [label, files] of Object.entries(imports)) {
    const walls = [];
    const gaps = [];
    const longs = [];
    const late = [];
    const delays = [];
    const paints = [];
    for (let r = 0; r < rounds; r++) {
      const page = await site.open(viewports.desktop, { url: site.url });
      await page.locator('ol#results article.passage').first().waitFor();
      await page.locator('#import-toggle').click();
      await page.waitForTimeout(pause);
      const search = page.getByRole('searchbox').first();
      if (typing) await search.focus();
      await page.evaluate(watch, files.length > 0);
      if (files.length) await page.setInputFiles('#import-files', files);
      if (typing) await search.pressSequentially(SEARCH, { delay: 30 });
      await page.locator('.import-progress').waitFor({ state: 'detached', timeout: 120_000 });
      const seen = await page.evaluate(() => {
        const s = window.__freeze;
        s.done = true;
        return { wall: performance.now() - s.start, longTasks: s.longTasks, frames: s.frames, keys: s.keys, events: s.events };
      });
      const reports = await page.locator('.import-reports li').count();
      if (reports !== files.length) throw new Error(`${label}: ${reports} reports for ${files.length} files`);
      const between = seen.frames.slice(1).map((t, i) => t - seen.frames[i]);
      const frame = median(between.slice(1));
      walls.push(seen.wall);
      gaps.push(Math.max(...between));
      late.push(between.filter((g) => g > 2.5 * frame).map(ms));
      longs.push(seen.longTasks.sort((a, b) => b - a));
      if (typing) {
        if (seen.keys.length !== SEARCH.length) throw new Error(`${label}: ${seen.keys.length} key presses seen of ${SEARCH.length}`);
        delays.push(Math.max(...seen.keys));
        paints.push(Math.max(0, ...seen.events));
      }
      await page.context().close();
    }
    const bytes = files.reduce((n, f) => n + f.buffer.length, 0);
    const list = (xs) => xs.map((l) => (l.length ? l.join(', ') : 'none')).join('; ');
    const longText = longs.map((l) => (l.length ? l.join(', ') + ' ms' : 'none')).join('; ');
    const keyText = typing ? ` ${ms(Math.max(...delays))} | ${ms(median(paints))}, ${ms(Math.max(...paints))} |` : '';
    console.log(
      `| ${label} | ${bytes} | ${files.length && !typing ? ms(median(walls)) : '–'} | ${longText} | ${ms(median(gaps))}, ${ms(Math.max(...gaps))} | ${list(late)} |${keyText}`,
    );
  }
} finally {
  await site.stop();
}
