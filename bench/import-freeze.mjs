#!/usr/bin/env node
// How long an import holds the page's main thread: three imports through the file picker of a
// built site, each in a fresh page, timed in headless Chromium.
//
//   node bench/import-freeze.mjs [--dist DIR] [--rounds N] [--pause MS] [SYNTH_DIR]
//
// SYNTH_DIR   synthetic documents to import (default target/bench-corpus/100, written by
//             `make bench` or `cargo run -p podium-cli -- synth --docs 100 --out DIR`)
// --dist DIR  the built site (default dist/); --rounds N  page loads per import (default 3)
// --pause MS  wait between opening the import panel and choosing the files, as a reader
//             would (default 0: the files are chosen at once)
//
// The imports: two files; every file of SYNTH_DIR; one file of about 1 MB (SYNTH_DIR's texts
// joined, four times). For each: wall time from choosing the files to the progress line
// gone (parsed, indexed, saved), long tasks (> 50 ms, PerformanceObserver 'longtask') and
// the gaps between animation frames over two frames (33 ms) long. A frame is 16.7 ms at
// 60 Hz: the longest gap is how long the page could not paint.
//
// Playwright hands a chosen file to the page through the renderer's main thread: for the
// 1 MB file that alone is a long task before the app sees the file, so the figures start at
// the `change` event of the file input.

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { repoRoot, startSite, viewports } from '../e2e/lib.mjs';

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(name);
  if (i < 0) return fallback;
  const [, v] = argv.splice(i, 2);
  return v;
};
const dist = resolve(opt('--dist', join(repoRoot, 'dist')));
const rounds = Number(opt('--rounds', '3'));
const pause = Number(opt('--pause', '0'));
const dir = resolve(argv[0] ?? join(repoRoot, 'target', 'bench-corpus', '100'));

let names;
try {
  names = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
} catch {
  console.error(`import-freeze: ${dir} is missing: run \`make bench\` or podium-cli synth first`);
  process.exit(2);
}
const file = (name, buffer) => ({ name, mimeType: 'text/plain', buffer });
const text = (n) => readFileSync(join(dir, n), 'utf8');
const big = text(names[0]) + names.slice(1).map((n) => text(n).split('\n').slice(3).join('\n')).join('\n').repeat(4);
const imports = {
  'two files': names.slice(0, 2).map((n) => file(n, Buffer.from(text(n)))),
  [`${names.length} files`]: names.map((n) => file(n, Buffer.from(text(n)))),
  'one large file': [file('large.txt', Buffer.from(big))],
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const site = await startSite({ dist });
console.log(`| import | bytes | wall time (median) | long tasks > 50 ms (per import) | longest frame gap (median, max) |`);
console.log(`|---|---:|---:|---|---:|`);
try {
  for (const [label, files] of Object.entries(imports)) {
    const walls = [];
    const gaps = [];
    const longs = [];
    for (let r = 0; r < rounds; r++) {
      const page = await site.open(viewports.desktop, { url: site.url });
      await page.locator('ol#results article.passage').first().waitFor();
      await page.locator('#import-toggle').click();
      await page.waitForTimeout(pause);
      await page.evaluate(() => {
        const seen = { longTasks: [], gaps: [], start: 0 };
        window.__freeze = seen;
        document.querySelector('#import-files').addEventListener('change', () => {
          seen.start = performance.now();
          new PerformanceObserver((list) => {
            // Not the task that set the files (Playwright's), which is running now.
            for (const e of list.getEntries()) {
              if (e.startTime > seen.start) seen.longTasks.push(Math.round(e.duration));
            }
          }).observe({ type: 'longtask' });
          let last = performance.now();
          const frame = (t) => {
            seen.gaps.push(t - last);
            last = t;
            if (!seen.done) requestAnimationFrame(frame);
          };
          requestAnimationFrame(frame);
        }, { capture: true, once: true });
      });
      await page.setInputFiles('#import-files', files);
      await page.locator('.import-progress').waitFor({ state: 'detached', timeout: 120_000 });
      const seen = await page.evaluate(() => {
        const s = window.__freeze;
        s.done = true;
        return { wall: performance.now() - s.start, longTasks: s.longTasks, gaps: s.gaps };
      });
      const reports = await page.locator('.import-reports li').count();
      if (reports !== files.length) throw new Error(`${label}: ${reports} reports for ${files.length} files`);
      walls.push(seen.wall);
      gaps.push(Math.max(...seen.gaps));
      longs.push(seen.longTasks.sort((a, b) => b - a));
      await page.context().close();
    }
    const bytes = files.reduce((n, f) => n + f.buffer.length, 0);
    const longText = longs.map((l) => (l.length ? l.join(', ') + ' ms' : 'none')).join('; ');
    console.log(`| ${label} | ${bytes} | ${Math.round(median(walls))} ms | ${longText} | ${Math.round(median(gaps))} ms, ${Math.round(Math.max(...gaps))} ms |`);
  }
} finally {
  await site.stop();
}
