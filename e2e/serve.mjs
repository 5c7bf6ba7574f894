// A tiny static file server for the browser tests: serves one folder on 127.0.0.1 at a free
// port, optionally under a path prefix (to prove the site works below a sub-path).
//
//   const server = await serveDir('dist', { prefix: '/podium/' });
//   server.url   // 'http://127.0.0.1:40123/podium/'
//   await server.close();
//
// Run directly to look at a build by hand: `node e2e/serve.mjs dist [port]`.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** Serve `dir` on 127.0.0.1; resolves once listening. `port: 0` picks a free port. */
export async function serveDir(dir, { prefix = '/', port = 0 } = {}) {
  const root = resolve(dir);
  if (!prefix.startsWith('/') || !prefix.endsWith('/')) {
    throw new Error(`prefix must start and end with "/": ${prefix}`);
  }

  const server = createServer(async (req, res) => {
    const send = (status, body, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');

    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      return send(400, 'bad request');
    }
    if (path === prefix.slice(0, -1)) {
      res.writeHead(301, { location: prefix });
      return res.end();
    }
    if (!path.startsWith(prefix)) return send(404, 'not found');

    let file = resolve(join(root, path.slice(prefix.length)));
    if (file !== root && !file.startsWith(root + sep)) return send(403, 'forbidden');
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      send(200, body, MIME[extname(file).toLowerCase()] ?? 'application/octet-stream');
    } catch {
      send(404, 'not found');
    }
  });

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  const { port: bound } = server.address();
  return {
    url: `http://127.0.0.1:${bound}${prefix}`,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir = 'dist', port = '8080'] = process.argv.slice(2);
  const server = await serveDir(dir, { port: Number(port) });
  console.log(`serving ${dir} on ${server.url} (Ctrl-C to stop)`);
}
