#!/usr/bin/env node
// First-load size of built sites: raw, gzip -9 and brotli (quality 11) bytes of what a browser
// fetches to show the page, per file and in total, and each site's ratio to the LAST folder
// given (pass the floor last).
//
//   node bench/size.mjs dist target/bench/floor-dist            # a table
//   node bench/size.mjs --json dist target/bench/floor-dist     # the same as JSON
//
// First load = index.html and every .js, .css and .wasm file of the folder except sw.js (the
// service worker is registered after the load event and precaches in the background). The
// corpus is inside the wasm. Icons and the manifest are listed apart, as "later"; the import
// worker (podium-worker*: loader, glue, wasm), which the page fetches when the reader opens
// the import panel, as "when the import panel opens".

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const json = args.includes('--json');
const dirs = args.filter((a) => a !== '--json');
if (dirs.length === 0) {
  console.error('usage: node bench/size.mjs [--json] DIR... (the last DIR is the reference, e.g. the floor)');
  process.exit(2);
}

const FIRST_LOAD = new Set(['.html', '.js', '.css', '.wasm']);

function sizes(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length,
  };
}

function measure(dir) {
  const files = [];
  const later = { raw: 0, gzip: 0, brotli: 0 };
  const onImport = { raw: 0, gzip: 0, brotli: 0 };
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (!statSync(path).isFile()) continue;
    const s = sizes(readFileSync(path));
    if (name.startsWith('podium-worker')) {
      for (const k of Object.keys(onImport)) onImport[k] += s[k];
    } else if (FIRST_LOAD.has(extname(name)) && name !== 'sw.js') {
      files.push({ name, kind: kindOf(name), ...s });
    } else {
      for (const k of Object.keys(later)) later[k] += s[k];
    }
  }
  if (!files.some((f) => f.name === 'index.html')) throw new Error(`${dir}: no index.html`);
  const total = { raw: 0, gzip: 0, brotli: 0 };
  const byKind = {};
  for (const f of files) {
    byKind[f.kind] ??= { raw: 0, gzip: 0, brotli: 0 };
    for (const k of Object.keys(total)) {
      total[k] += f[k];
      byKind[f.kind][k] += f[k];
    }
  }
  return { dir, files, byKind, total, later, onImport };
}

function kindOf(name) {
  const ext = extname(name);
  if (ext === '.wasm') return 'wasm';
  if (ext === '.css') return 'css';
  if (ext === '.html') return 'html';
  return 'js';
}

const sites = dirs.map(measure);
const ref = sites[sites.length - 1];
for (const s of sites) {
  s.ratio = {
    raw: s.total.raw / ref.total.raw,
    gzip: s.total.gzip / ref.total.gzip,
    brotli: s.total.brotli / ref.total.brotli,
  };
}

if (json) {
  console.log(JSON.stringify({ reference: ref.dir, sites }, null, 2));
} else {
  const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
  const row = (cells) => `| ${cells.join(' | ')} |`;
  for (const s of sites) {
    console.log(`\n${s.dir} (first load)\n`);
    console.log(row(['file', 'raw', 'gzip -9', 'brotli 11']));
    console.log(row(['---', '---:', '---:', '---:']));
    for (const f of s.files) {
      console.log(row([basename(f.name), f.raw, f.gzip, f.brotli]));
    }
    for (const [k, v] of Object.entries(s.byKind)) {
      console.log(row([`all ${k}`, kb(v.raw), kb(v.gzip), kb(v.brotli)]));
    }
    console.log(row(['**total**', `${s.total.raw} (${kb(s.total.raw)})`, `${s.total.gzip} (${kb(s.total.gzip)})`, `${s.total.brotli} (${kb(s.total.brotli)})`]));
    console.log(row(['later (icons, manifest, sw.js)', kb(s.later.raw), kb(s.later.gzip), kb(s.later.brotli)]));
    if (s.onImport.raw > 0) {
      console.log(row(['when the import panel opens (the worker)', kb(s.onImport.raw), kb(s.onImport.gzip), kb(s.onImport.brotli)]));
    }
  }
  if (sites.length > 1) {
    console.log(`\nratio to ${ref.dir}\n`);
    console.log(row(['site', 'raw', 'gzip -9', 'brotli 11']));
    console.log(row(['---', '---:', '---:', '---:']));
    for (const s of sites) {
      console.log(row([s.dir, `${s.ratio.raw.toFixed(2)}×`, `${s.ratio.gzip.toFixed(2)}×`, `${s.ratio.brotli.toFixed(2)}×`]));
    }
  }
}
