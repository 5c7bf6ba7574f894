#!/usr/bin/env node
// Sums the code of an unstripped wasm by crate, from `twiggy top --format csv` (every item):
// which dependencies the bytes belong to, where `twiggy top` lists thousands of small
// monomorphised functions one by one. Data segments and custom sections are listed apart.
//
//   node bench/twiggy-crates.mjs target/bench-app/wasm32-unknown-unknown/release/podium.wasm
//
// Sizes are before wasm-bindgen and wasm-opt (which drop the name and custom sections and
// shrink code), so use them as shares, not as shipped bytes.

import { execFileSync } from 'node:child_process';

const wasm = process.argv[2];
if (!wasm) {
  console.error('usage: node bench/twiggy-crates.mjs FILE.wasm');
  process.exit(2);
}
const csv = execFileSync('twiggy', ['top', '-n', '1000000', '--format', 'csv', wasm], { maxBuffer: 1 << 28 }).toString();
const lines = csv.trim().split('\n').slice(1);

// CSV rows: Name,ShallowSize,ShallowSizePercent,... ; names may be quoted and contain commas.
function parse(line) {
  const out = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') out.push(cur), (cur = '');
    else cur += c;
  }
  out.push(cur);
  return out;
}

function crateOf(name) {
  if (/^data segment|^data\[/.test(name)) return '(data segments: corpus blob, strings, tables)';
  if (/^custom section|subsection|^"function names"/.test(name)) return '(custom sections: names, wasm-bindgen)';
  if (/^export |^__wbindgen_describe/.test(name)) return '(wasm-bindgen describe/exports: removed by wasm-bindgen)';
  if (/^import /.test(name)) return '(imports)';
  if (/^(type|import|export|table|elem|memory|global|code)\[/.test(name)) return '(unnamed)';
  // `<T as tachys::...>::f` → the trait's crate for impls on generic T; otherwise the first path.
  const m = name.replace(/^<+/, '').match(/^([A-Za-z_][A-Za-z0-9_]*)(\[[0-9a-f]+\])?::/);
  if (!m) return '(other)';
  let crate = m[1];
  if (crate.length === 1 || crate === 'T' || crate === 'F') {
    const t = name.match(/ as ([A-Za-z_][A-Za-z0-9_]*)::/);
    crate = t ? t[1] : '(generic)';
  }
  return crate;
}

const totals = new Map();
let all = 0;
for (const line of lines) {
  const [name, size] = parse(line);
  const n = Number(size);
  if (!Number.isFinite(n)) continue;
  all += n;
  const c = crateOf(name);
  totals.set(c, (totals.get(c) ?? 0) + n);
}
const rows = [...totals.entries()].sort((a, b) => b[1] - a[1]);
const isCode = (c) => !c.startsWith('(data') && !c.startsWith('(custom') && !c.startsWith('(wasm-bindgen');
const codeOnly = rows.filter(([c]) => isCode(c)).reduce((a, [, n]) => a + n, 0);
console.log(`| crate | bytes | % of all | % of code |`);
console.log(`| --- | ---: | ---: | ---: |`);
for (const [c, n] of rows.slice(0, 20)) {
  console.log(`| ${c} | ${n} | ${((100 * n) / all).toFixed(1)}% | ${isCode(c) ? `${((100 * n) / codeOnly).toFixed(1)}%` : ''} |`);
}
console.log(`| total | ${all} | 100% | code: ${codeOnly} |`);
