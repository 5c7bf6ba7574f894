#!/usr/bin/env node
// Markdown table of the criterion results of `cargo bench -p podium-core --bench core`:
// median time per iteration (with criterion's 95% interval of the mean) and MB/s where the
// bench declared a throughput.
//
//   node bench/criterion-summary.mjs [target/criterion]

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = process.argv[2] ?? 'target/criterion';
const GROUPS = ['parse', 'corpus_build', 'catalog_new', 'query'];

function walk(dir, found = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (!statSync(path).isDirectory()) continue;
    if (name === 'new' && existsSync(join(path, 'benchmark.json'))) found.push(path);
    else if (name !== 'base' && name !== 'change' && name !== 'report') walk(path, found);
  }
  return found;
}

const time = (ns) => (ns >= 1e9 ? `${(ns / 1e9).toFixed(2)} s` : ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : `${(ns / 1e3).toFixed(1)} µs`);

if (!existsSync(root)) {
  console.log(`(no criterion results in ${root})`);
  process.exit(0);
}
const rows = walk(root)
  .map((dir) => {
    const b = JSON.parse(readFileSync(join(dir, 'benchmark.json'), 'utf8'));
    const e = JSON.parse(readFileSync(join(dir, 'estimates.json'), 'utf8'));
    return { b, e };
  })
  .filter(({ b }) => GROUPS.includes(b.group_id))
  .sort((x, y) => {
    const g = GROUPS.indexOf(x.b.group_id) - GROUPS.indexOf(y.b.group_id);
    if (g) return g;
    const n = Number(x.b.value_str) - Number(y.b.value_str);
    if (n) return n;
    return String(x.b.function_id).localeCompare(String(y.b.function_id));
  });

console.log('| bench | docs | median | 95% CI of mean | throughput |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const { b, e } of rows) {
  const name = b.function_id ? `${b.group_id}/${b.function_id}` : b.group_id;
  const med = e.median.point_estimate;
  const ci = `${time(e.mean.confidence_interval.lower_bound)}–${time(e.mean.confidence_interval.upper_bound)}`;
  const bytes = b.throughput?.Bytes ?? b.throughput?.BytesDecimal;
  const tput = bytes ? `${(bytes / 1e6 / (med / 1e9)).toFixed(1)} MB/s (${(bytes / 1e6).toFixed(2)} MB)` : '';
  console.log(`| ${name} | ${b.value_str} | ${time(med)} | ${ci} | ${tput} |`);
}
