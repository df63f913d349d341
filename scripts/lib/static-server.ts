/**
 * A static file server for the built app (dist/), on loopback, that can serve under a sub-path and
 * add headers (a strict CSP, say). Used by the browser tests, the export command and the benchmark.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.geojson': 'application/geo+json',
  '.csv': 'text/csv; charset=utf-8',
  '.kml': 'application/vnd.google-earth.kml+xml',
};

export interface StaticServer {
  url: string;
  origin: string;
  server: Server;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Sub-path the app is served under, e.g. '/news/graphics/j2-8243/'. */
  prefix?: string;
  headers?: Record<string, string>;
  /** Extra routes (path → handler), e.g. a host page for embed tests. */
  routes?: Record<string, (req: IncomingMessage, res: ServerResponse) => void>;
  /** Paths that answer 404 (to simulate a missing file). */
  fail?: (path: string) => boolean;
}

export async function serveDir(dir: string, opts: ServeOptions = {}): Promise<StaticServer> {
  const root = resolve(dir);
  const prefix = opts.prefix ?? '/';
  const server = createServer(async (req, res) => {
    let path: string;
    try {
      path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    const route = opts.routes?.[path];
    if (route) return route(req, res);
    if (!path.startsWith(prefix) || opts.fail?.(path)) {
      res.writeHead(404).end('not found');
      return;
    }
    let file = normalize(join(root, path.slice(prefix.length)));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store', ...opts.headers });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}${prefix}`,
    origin,
    server,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
