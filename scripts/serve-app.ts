import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { serveRuntimeConfig, type RuntimeConfig } from './runtime-config.js';

/**
 * A tiny static server for the built app (`dist/`) that also answers `/sms365.config.json`.
 * It is what a deployment does (static files + a config file next to them), small enough for
 * the e2e tests to start on port 0 per run.
 */
export interface ServeAppOptions {
  /** Folder holding `index.html` and `assets/` from `vite build`. */
  distDir: string;
  runtimeConfig: RuntimeConfig;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
}

export interface ServedApp {
  /** e.g. `http://127.0.0.1:53011` */
  url: string;
  port: number;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Maps a URL path onto a file inside `root`, or null if it would escape it. */
function fileFor(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

async function readFileOrNull(file: string): Promise<Buffer | null> {
  try {
    const stat = await fs.stat(file);
    return stat.isFile() ? await fs.readFile(file) : null;
  } catch {
    return null;
  }
}

export async function serveApp(options: ServeAppOptions): Promise<ServedApp> {
  const root = path.resolve(options.distDir);
  const index = await readFileOrNull(path.join(root, 'index.html'));
  if (!index) throw new Error(`${root}/index.html not found: build the app first (npm run build)`);
  const host = options.host ?? '127.0.0.1';

  const server = http.createServer((req, res) => {
    void (async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD' }).end();
        return;
      }
      if (serveRuntimeConfig(req, res, options.runtimeConfig)) return;
      const urlPath = new URL(req.url ?? '/', 'http://x').pathname;
      const file = fileFor(root, urlPath);
      let body = file ? await readFileOrNull(file) : null;
      let type = file ? CONTENT_TYPES[path.extname(file)] : undefined;
      let cache = urlPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
      if (!body && !path.extname(urlPath)) {
        // Client-side routes fall back to the app's entry page.
        body = await fs.readFile(path.join(root, 'index.html'));
        type = CONTENT_TYPES['.html'];
        cache = 'no-cache';
      }
      if (!body) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': type ?? 'application/octet-stream', 'content-length': body.byteLength, 'cache-control': cache });
      res.end(req.method === 'HEAD' ? undefined : body);
    })().catch((e: unknown) => {
      console.error('[serve-app] request failed', e);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('internal error');
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
