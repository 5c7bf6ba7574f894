#!/usr/bin/env node
// The main-thread tasks and the late frames of imports, from Chromium traces: which step of
// the import a long task belongs to, and whether a frame came late because the page's main
// thread was busy or because the browser's compositor and rasterizer were.
//
//   node bench/import-trace.mjs [--dist DIR] [--all | --large | --correct] [--rounds N] [--detail] [SYNTH_DIR]
//
// Imports the first two files of SYNTH_DIR (default target/bench-corpus/100), all of them
// with --all, or one file of about 1 MB (SYNTH_DIR's texts joined, four times: imports.mjs)
// with --large, through the file picker of a built site (default dist/), N times (default
// 1), each in a fresh page, tracing from the file choice to the progress
// line gone while an animation-frame loop asks for a frame at every vsync. With --correct
// it traces a correction instead: the first passage given a new speaker, from the click on
// "Set speaker" to its card showing them (a site built with a large corpus shows what a
// correction costs there: PODIUM_CORPUS=target/bench-corpus/1000 trunk build …).
//
// Per import it prints every main-thread task over 8 ms, in order, as wall-clock time / the
// main thread's CPU time (on a busy machine the thread also waits for a core: the
// difference), named by what it runs and by the app's user-timing marks inside it
// (`podium:…`, src/marks.rs: import-reply, indexed, library-shown, list-measured, and
// stage-overview, stage-column, stage-topics, stage-other-facets, stage-documents and
// stage-choices for the parts of the page that follow a frame later, src/state.rs):
//   ipc      a message from the browser process: Playwright handing over the files, storage
//   reply    the worker's reply: decoding it
//   timer    a task the app queued: a step of the new library, the report, the overview's
//            and the facet column's turns a frame later each
//   rAF      an animation frame's callbacks: the list measures its cards (forcing the layout)
//   frame    the browser's own rendering of a frame
// then the gaps between frames over two frames (33.4 ms), each with the main thread's CPU
// time in it. A frame's time here is when its animation-frame callbacks ran, later than its
// vsync when the main thread was busy then, so a gap a little over 33.4 ms can be a single
// frame missed (the frames' own times, untraced, are `bench/import-freeze.mjs`'s). A gap in
// which the main thread used little CPU waited for the browser's other threads (its
// compositor, the rasterizer, which --disable-gpu runs in software), or for a core: on a
// two-core machine the worker, Chromium's other threads and Playwright share them.
// With --detail, a line per task: its CPU time in style recalculation (elements restyled),
// layout (objects laid out of all) and paint, counts that do not depend on the machine's load.
// The last line sums up all imports: the longest task in CPU and wall time, the gaps over two
// frames and the largest share of one that the main thread spent running.

import { join, resolve } from 'node:path';

import { repoRoot, startSite, viewports } from '../e2e/lib.mjs';
import { importSets } from './imports.mjs';

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
const rounds = Number(option('--rounds', '1'));
const all = flag('--all');
const large = flag('--large');
const detail = flag('--detail');
const correct = flag('--correct');
const dir = resolve(argv[0] ?? join(repoRoot, 'target', 'bench-corpus', '100'));

const sets = importSets(dir);
const files = large ? sets.large : all ? sets.all : sets.two;
const label = correct ? 'a correction' : large ? 'one large file' : `${files.length} files`;

const TWO_FRAMES_US = 33_400;
const ms = (us) => Math.round(us / 100) / 10;

/** One import, traced: its main-thread tasks and its frame gaps. */
async function traceImport(site) {
  const page = await site.open(viewports.desktop, { url: site.url });
  try {
    const card = page.locator('ol#results article.passage').first();
    await card.waitFor();
    if (correct) {
      // The correction form open and filled in before the trace: it starts at the click.
      await page.waitForTimeout(500);
      await card.locator('button.correct').click();
      await card.locator('.correction .correct-speaker input').fill('Jane Analyst');
    } else {
      await page.locator('#import-toggle').click();
      // The worker starts when the panel opens; let that settle, as a reader choosing files would.
      await page.waitForTimeout(500);
    }
    await page.evaluate(() => {
      const frame = () => window.__traceDone || requestAnimationFrame(frame);
      requestAnimationFrame(frame);
    });
    const cdp = await page.context().newCDPSession(page);
    const events = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
    const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
    await cdp.send('Tracing.start', {
      categories: 'toplevel,devtools.timeline,v8.execute,blink,blink.user_timing',
      transferMode: 'ReportEvents',
    });
    if (correct) {
      const same = `ol#results article.passage[data-doc="${await card.getAttribute('data-doc')}"][data-start="${await card.getAttribute('data-start')}"]`;
      await card.locator('.correction').getByRole('button', { name: 'Set speaker' }).click();
      await page.waitForFunction((same) => document.querySelector(same)?.dataset.speaker === 'jane-analyst', same);
      // The overview and the facet column follow a few frames later.
      await page.waitForTimeout(300);
    } else {
      await page.setInputFiles('#import-files', files);
      await page.locator('.import-progress').waitFor({ state: 'detached', timeout: 120_000 });
    }
    await cdp.send('Tracing.end');
    await complete;
    await page.evaluate(() => (window.__traceDone = true));
    return analyse(events);
  } finally {
    await page.context().close();
  }
}

function analyse(events) {
  const renderer = new Set(
    events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const main = events.filter((e) => renderer.has(`${e.pid}:${e.tid}`) && e.ph === 'X' && e.dur);
  // From the file input's change event (before it, Playwright hands the files over), or
  // the click that makes a correction.
  const change = main.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === (correct ? 'click' : 'change'));
  // A correction's click handler is the app's work, and counts; so does the frame gap it is in.
  const start = change ? (correct ? change.ts : change.ts + change.dur) : 0;
  const after = (t) => (correct ? t.ts + t.dur > start : t.ts >= start);
  // Top-level tasks only: a task can run another inside it.
  const allTasks = [];
  for (const t of main.filter((e) => /RunTask$/.test(e.name)).sort((a, b) => a.ts - b.ts || b.dur - a.dur)) {
    const last = allTasks.at(-1);
    if (!last || t.ts >= last.ts + last.dur) allTasks.push(t);
  }
  const marks = events.filter((e) => e.cat?.includes('user_timing') && e.name.startsWith('podium:'));
  const kinds = [
    ['reply', 'HandlePostMessage'],
    ['timer', 'TimerFire'],
    ['rAF', 'FireAnimationFrame'],
    ['frame', 'WebFrameWidgetImpl::BeginMainFrame'],
    ['ipc', 'Receive mojo message'],
  ];
  const tasks = allTasks
    .filter((t) => t.dur > 8000 && after(t))
    .map((t) => {
      const inside = main.filter((e) => e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e !== t);
      const names = new Set(inside.map((e) => e.name));
      const kind = kinds.find(([, marker]) => names.has(marker))?.[0] ?? 'other';
      const steps = [...new Set(marks.filter((m) => m.ts >= t.ts && m.ts <= t.ts + t.dur).map((m) => m.name.slice(7)))];
      const cpu = t.tdur ?? t.dur;
      const line = `${kind}${steps.length ? ` (${steps.join(', ')})` : ''} ${ms(t.dur)}/${ms(cpu)}`;
      const sum = (name) => ms(inside.filter((e) => e.name === name).reduce((a, e) => a + (e.tdur ?? e.dur), 0));
      const of = (name, count) => inside.filter((e) => e.name === name).map(count).filter(Boolean).join(' + ');
      const restyled = of('UpdateLayoutTree', (e) => e.args?.elementCount);
      const laid = of('Layout', (e) => e.args?.beginData && `${e.args.beginData.dirtyObjects} of ${e.args.beginData.totalObjects}`);
      const parts = `style ${sum('UpdateLayoutTree')} ms (${restyled || 0} elements), layout ${sum('Layout')} ms (${laid || 0} objects), paint ${sum('Paint')} ms`;
      return { line, parts, wall: t.dur, cpu };
    });
  // Frames as the page saw them: its animation-frame callbacks.
  const frames = main.filter((e) => e.name === 'FireAnimationFrame').map((e) => e.ts).sort((a, b) => a - b);
  const gaps = [];
  for (let i = 1; i < frames.length; i++) {
    const [from, to] = [frames[i - 1], frames[i]];
    // Not the gap around Playwright's handing over the files (a long task for a large file),
    // in which the app's own part is the change event's handler.
    if (!after({ ts: from, dur: to - from }) || to - from <= TWO_FRAMES_US) continue;
    // The main thread's CPU time in the gap, the rest of the frame that opened it included
    // (a task partly in the gap counts in proportion).
    const busy = allTasks.reduce((a, t) => {
      const overlap = Math.max(0, Math.min(t.ts + t.dur, to) - Math.max(t.ts, from));
      return a + (overlap / t.dur) * (t.tdur ?? t.dur);
    }, 0);
    gaps.push({ length: to - from, busy });
  }
  return { tasks, gaps };
}

const site = await startSite({ dist });
const summary = { wall: 0, cpu: 0, gaps: [], imports: 0 };
try {
  for (let round = 0; round < rounds; round++) {
    const { tasks, gaps } = await traceImport(site);
    summary.imports++;
    summary.wall = Math.max(summary.wall, ...tasks.map((t) => t.wall));
    summary.cpu = Math.max(summary.cpu, ...tasks.map((t) => t.cpu));
    summary.gaps.push(...gaps);
    const gapText = gaps.map((g) => `${ms(g.length)} ms (main thread CPU ${ms(g.busy)})`).join(', ') || 'none';
    console.log(`${label}, main-thread tasks over 8 ms (wall/CPU ms): ${tasks.map((t) => t.line).join(' | ') || 'none'}`);
    console.log(`  frame gaps over 33.4 ms: ${gapText}`);
    if (detail) for (const t of tasks) console.log(`  ${t.line}: ${t.parts}`);
  }
  const worst = summary.gaps.reduce((a, g) => (g.length > a.length ? g : a), { length: 0, busy: 0 });
  const busiest = Math.max(0, ...summary.gaps.map((g) => g.busy / g.length));
  const most = Math.max(0, ...summary.gaps.map((g) => g.busy));
  console.log(
    `${label}, ${summary.imports} import(s): longest task ${ms(summary.wall)} ms wall, ${ms(summary.cpu)} ms CPU; ` +
      `${summary.gaps.length} frame gap(s) over 33.4 ms, the longest ${ms(worst.length)} ms (main thread CPU ${ms(worst.busy)} ms of it); ` +
      `the main thread's CPU at most ${ms(most)} ms of a long gap and at most ${Math.round(busiest * 100)} % of one`,
  );
} finally {
  await site.stop();
}
