#!/usr/bin/env node
// The main-thread tasks of one import, from a Chromium trace: which task parses the worker's
// reply, which sets the new library, how long the next frame's layout takes.
//
//   node bench/import-trace.mjs [--dist DIR] [--all] [--detail] [SYNTH_DIR]
//
// Imports the first two files of SYNTH_DIR (default target/bench-corpus/100), or all of them
// with --all, through the file picker of a built site (default dist/), tracing from the
// file choice to the progress line gone. Prints every main-thread task over 8 ms, in order,
// as wall-clock time / the main thread's CPU time (on a busy machine the thread also waits
// for a core: the difference), named by what it runs:
//   ipc      a message from the browser process: Playwright handing over the files, storage
//   reply    the worker's reply: decoding it
//   timer    a task the app queued: building the new library, setting it (the passages follow
//            it), the overview's and the facet column's turns a frame later each, the report
//   rAF      an animation frame's callbacks: the list measures its cards (forcing the layout)
//   frame    the browser's own rendering of a frame
// With --detail, a line per task: its CPU time in style recalculation (elements restyled),
// layout (objects laid out of all) and paint, counts that do not depend on the machine's load.

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { repoRoot, startSite, viewports } from '../e2e/lib.mjs';

const argv = process.argv.slice(2);
const flag = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv.splice(i, 1).length > 0 : false;
};
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv.splice(i, 2)[1] : fallback;
};
const dist = resolve(option('--dist', join(repoRoot, 'dist')));
const all = flag('--all');
const detail = flag('--detail');
const dir = resolve(argv[0] ?? join(repoRoot, 'target', 'bench-corpus', '100'));

const names = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
const files = (all ? names : names.slice(0, 2)).map((name) => ({
  name,
  mimeType: 'text/plain',
  buffer: readFileSync(join(dir, name)),
}));

const site = await startSite({ dist });
try {
  const page = await site.open(viewports.desktop, { url: site.url });
  await page.locator('ol#results article.passage').first().waitFor();
  await page.locator('#import-toggle').click();
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline,v8.execute,blink', transferMode: 'ReportEvents' });
  await page.setInputFiles('#import-files', files);
  await page.locator('.import-progress').waitFor({ state: 'detached', timeout: 120_000 });
  await cdp.send('Tracing.end');
  await complete;

  const renderer = new Set(
    events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const main = events.filter((e) => renderer.has(`${e.pid}:${e.tid}`) && e.ph === 'X' && e.dur);
  const tasks = main.filter((e) => /RunTask$/.test(e.name) && e.dur > 8000);
  const kinds = [
    ['reply', 'HandlePostMessage'],
    ['timer', 'TimerFire'],
    ['rAF', 'FireAnimationFrame'],
    ['frame', 'WebFrameWidgetImpl::BeginMainFrame'],
    ['ipc', 'Receive mojo message'],
  ];
  const line = tasks.map((t) => {
    const inside = new Set(main.filter((e) => e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur).map((e) => e.name));
    const kind = kinds.find(([, marker]) => inside.has(marker))?.[0] ?? 'other';
    return `${kind} ${Math.round(t.dur / 1000)}/${Math.round((t.tdur ?? t.dur) / 1000)}`;
  });
  console.log(`${files.length} files, main-thread tasks over 8 ms (wall/CPU ms): ${line.join(' | ')}`);
  if (detail) {
    for (const [i, t] of tasks.entries()) {
      const inside = main.filter((e) => e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e !== t);
      const cpu = (name) => Math.round(inside.filter((e) => e.name === name).reduce((a, e) => a + (e.tdur ?? e.dur), 0) / 100) / 10;
      const of = (name, count) => inside.filter((e) => e.name === name).map(count).filter(Boolean).join(' + ');
      const restyled = of('UpdateLayoutTree', (e) => e.args?.elementCount);
      const laid = of('Layout', (e) => e.args?.beginData && `${e.args.beginData.dirtyObjects} of ${e.args.beginData.totalObjects}`);
      console.log(`  ${line[i]}: style ${cpu('UpdateLayoutTree')} ms (${restyled || 0} elements), layout ${cpu('Layout')} ms (${laid || 0} objects), paint ${cpu('Paint')} ms`);
    }
  }
} finally {
  await site.stop();
}
