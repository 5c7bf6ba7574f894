// The files the import benchmarks (import-freeze.mjs, import-trace.mjs) choose through the
// file picker: the same in each, so that their figures compare.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * From a folder of synthetic documents (`podium-cli synth`), as Playwright file payloads:
 * its first two files, all of them, and one file of about 1 MB for 100 documents (the first
 * text whole, then the others without their first three lines, title and date, joined, four
 * times). Throws if `dir` cannot be read.
 */
export function importSets(dir) {
  const names = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const text = (name) => readFileSync(join(dir, name), 'utf8');
  const file = (name, body) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(body) });
  const all = names.map((name) => file(name, text(name)));
  const large = text(names[0]) + names.slice(1).map((n) => text(n).split('\n').slice(3).join('\n')).join('\n').repeat(4);
  return { two: all.slice(0, 2), all, large: [file('large.txt', large)] };
}
