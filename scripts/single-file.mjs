#!/usr/bin/env node
// Build one self-contained HTML file from a release build: `make single-file`, or
//
//   node scripts/single-file.mjs [DIST_DIR=dist] [OUTPUT=dist-single/podium.html]
//
// The file opens from file:// with no server. Browsers refuse external module scripts and
// fetch() on file://, but run an inline <script type="module">, so the file holds:
//   - the stylesheet, in one <style>;
//   - one inline module script: the wasm-bindgen JS glue with its `export`s removed, the wasm
//     as base64, and a call of the glue's init function with the decoded bytes;
//   - the import worker (Trunk's podium-worker.js glue and its wasm, as base64) as the text of
//     a <script type="text/plain">, which the module turns into a blob: URL for the app to
//     start the worker from (window.podiumWorkerUrl; see src/workbench.rs);
//   - a Content-Security-Policy meta that allows exactly that script and that style by their
//     sha256 hashes, plus 'wasm-unsafe-eval' to compile the wasm, workers from blob: URLs,
//     and nothing else.
// No service worker (they need http(s)), no manifest, no request of any kind.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

const [distDir = 'dist', output = join('dist-single', 'podium.html')] = process.argv.slice(2);
const fail = (msg) => {
  console.error(`single-file: error: ${msg}`);
  process.exit(1);
};
const read = (name) => {
  try {
    return readFileSync(join(distDir, name));
  } catch {
    return fail(`${join(distDir, name)} is missing: run \`make build\` first`);
  }
};
/** The file name of a URL written by Trunk ('./x.js', '/podium/x.js', 'x.js'). */
const fileOf = (url) => basename(url.split(/[?#]/)[0]);
/** A JS expression for `bytes` inlined as base64 (file:// allows no fetch), decoded to a Uint8Array. */
const inlineBytes = (bytes) => `Uint8Array.from(atob('${bytes.toString('base64')}'), (c) => c.charCodeAt(0))`;
const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

let html = read('index.html').toString('utf8');

// --- What the release build loads -----------------------------------------------------------
// The loader is either Trunk's inline module or, after scripts/gen-sw.mjs, boot-<hash>.js.
const bootSrc = html.match(/<script\b[^>]*\bsrc="([^"]*boot-[0-9a-f]+\.js)"/)?.[1];
const loader = bootSrc
  ? read(fileOf(bootSrc)).toString('utf8')
  : (html.match(/<script type="module">([\s\S]*?)<\/script>/)?.[1] ?? fail('no loader script in index.html'));
const glueName = fileOf(loader.match(/from\s+'([^']+\.js)'/)?.[1] ?? fail('no glue import in the loader'));
const wasmName = fileOf(loader.match(/module_or_path:\s*'([^']+\.wasm)'/)?.[1] ?? fail('no wasm path in the loader'));
const cssNames = [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"/g)].map((m) => fileOf(m[1]));
if (cssNames.length === 0) fail('no stylesheet in index.html');

// --- The inline module: glue without exports, wasm as base64, init ---------------------------
let glue = read(glueName).toString('utf8');
let initName;
glue = glue.replace(/^export\s*\{([^}]*)\};?[ \t]*$/gm, (_, list) => {
  for (const item of list.split(',')) {
    const [local, alias] = item.trim().split(/\s+as\s+/);
    if (alias === 'default') initName = local;
  }
  return '';
});
glue = glue.replace(/^export\s+(default\s+)?(?=(async\s+)?function\b|class\b|const\b|let\b|var\b)/gm, (_, dflt) => {
  if (dflt) fail('`export default <declaration>` in the glue is not handled');
  return '';
});
if (!initName) fail(`no \`export { … as default }\` (the init function) in ${glueName}`);
if (/^\s*(import|export)\b/m.test(glue)) fail(`${glueName} has imports or exports left; cannot inline it`);

// --- The import worker: its no-modules glue and wasm, started from a blob: URL -------------
const workerGlue = read('podium-worker.js').toString('utf8');
const workerWasm = read('podium-worker_bg.wasm');
if (!/^let wasm_bindgen\b/m.test(workerGlue)) fail('podium-worker.js is not wasm-bindgen no-modules glue');
const workerSource = `${workerGlue.trim()}
wasm_bindgen({ module_or_path: ${inlineBytes(workerWasm)} });
`;

const wasm = read(wasmName);
const script = `
${glue.trim()}

// The import worker's source is in the page as text; the app starts it from this URL.
const workerText = document.getElementById('podium-worker-source')?.textContent;
if (workerText) {
  window.podiumWorkerUrl = URL.createObjectURL(new Blob([workerText], { type: 'text/javascript' }));
}

// The wasm, inlined; decoded and compiled asynchronously.
await ${initName}({ module_or_path: ${inlineBytes(wasm)} });
`;
const css = `\n${cssNames.map((n) => read(n).toString('utf8').trim()).join('\n')}\n`;
for (const [what, text, tag] of [['script', script, 'script'], ['stylesheet', css, 'style'], ['worker', workerSource, 'script']]) {
  if (new RegExp(`</${tag}`, 'i').test(text) || text.includes('<!--')) fail(`the ${what} contains </${tag} or <!--`);
}

// --- The page: index.html without external resources, plus the inline style and script -------
const csp = [
  "default-src 'none'",
  `script-src ${sha256(script)} 'wasm-unsafe-eval'`,
  `style-src ${sha256(css)}`,
  'worker-src blob:',
  'img-src data:',
].join('; ');

const before = html;
html = html
  .replace(/<!--[\s\S]*?-->/g, '')
  .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/gi, '')
  .replace(/<script\b[\s\S]*?<\/script>/gi, '')
  .replace(/<link\b(?![^>]*\brel="icon")[^>]*>/gi, '') // stylesheet, preloads, manifest, touch icon
  .replace(/^\s*\n/gm, '');
if (html === before) fail('index.html was not rewritten');
const charset = /<meta charset="[^"]*"\s*\/?>/i;
if (!charset.test(html)) fail('no <meta charset> in index.html');
html = html.replace(charset, (m) => `${m}\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />`);
html = html.replace(
  /\s*<\/head>/i,
  () =>
    `\n    <style>${css}</style>\n    <script type="module">${script}</script>` +
    `\n    <script type="text/plain" id="podium-worker-source">${workerSource}</script>\n  </head>`,
);

mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, html);

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const raw = Buffer.byteLength(html);
console.error(
  `single-file: wrote ${output}: ${kib(raw)} (${raw} bytes), gzip ${kib(gzipSync(html, { level: 9 }).length)}; ` +
    `wasm ${kib(wasm.length)} → base64 ${kib(Math.ceil(wasm.length / 3) * 4)}; ` +
    `import worker ${kib(workerWasm.length)} → base64 ${kib(Math.ceil(workerWasm.length / 3) * 4)}`,
);
