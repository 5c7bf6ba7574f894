// The hostile documents too big or too odd to commit (see expected.toml: `generate`).
// The same recipes as `generate` in crates/podium-core/tests/hostile.rs.
//
//   import { generate } from './generate.mjs';  generate('many-lines') -> Buffer
//   node tests/hostile/generate.mjs DIR          writes every generated document into DIR

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `longLineBytes`: size of the one long line (10 MB natively; the browser test uses less). */
export function generate(kind, { longLineBytes = 10 * 1024 * 1024 } = {}) {
  switch (kind) {
    case 'long-line': {
      const sentence = 'KFOR troops will stay in Kosovo, Stoltenberg said, and “we are ready”. ';
      const n = Math.ceil(longLineBytes / Buffer.byteLength(sentence));
      return Buffer.from(`${sentence.repeat(n)}\n`);
    }
    case 'many-lines': {
      const lines = Array.from({ length: 100_000 }, (_, i) => `Line ${i} of many.\n`);
      return Buffer.from(`Many lines\n\n13 October 2023\n\n${lines.join('')}`);
    }
    case 'case-upper':
      return Buffer.from('Same name, upper case\n\n13 October 2023\n\nMR. PRICE: Upper-case file name.\n\nQUESTION: Which one?\n');
    case 'case-lower':
      return Buffer.from('Same name, lower case\n\n13 October 2023\n\nMR. PRICE: Lower-case file name.\n\nQUESTION: Which one?\n');
    default:
      throw new Error(`unknown generator ${kind}`);
  }
}

/** The `[[document]]` entries of expected.toml (the TOML subset it is written in). */
export function parseExpected(text) {
  const out = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    if (line === '[[document]]') {
      out.push({});
      continue;
    }
    const at = line.indexOf('=');
    const key = line.slice(0, at).trim();
    const value = line.slice(at + 1).trim();
    out[out.length - 1][key] = value.startsWith('"') ? value.slice(1, -1) : Number(value);
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? '.';
  mkdirSync(dir, { recursive: true });
  const names = { 'long-line': 'long-line.txt', 'many-lines': 'many-lines.txt', 'case-upper': 'Case.txt', 'case-lower': 'case.txt' };
  for (const [kind, name] of Object.entries(names)) writeFileSync(join(dir, name), generate(kind));
}
