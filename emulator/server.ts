import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createEmulator, GRAPH_JSON, type Emulator, type EmulatorOptions } from './app.js';
import { GraphHttpError, errorBody } from './core/errors.js';

/**
 * Largest request body the server reads: above the 60 MiB Graph allows per upload-session
 * fragment (driveitem-createuploadsession), with room for headers of a multipart body.
 */
export const MAX_REQUEST_BYTES = 61 * 1024 * 1024;

export interface RunningEmulator {
  /** e.g. `http://127.0.0.1:4000` */
  origin: string;
  /** e.g. `http://127.0.0.1:4000/v1.0` */
  graphBaseUrl: string;
  port: number;
  emulator: Emulator;
  close(): Promise<void>;
}

export interface ServeOptions extends EmulatorOptions {
  port?: number;
  host?: string;
}

/** A host name or IP literal with an optional port, as a Host header carries it. */
const HOST_HEADER = /^(?:\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::\d{1,5})?$/i;

/** The URL of a request in origin form (`/path?query`); undefined for a malformed Host or another form. */
function requestUrl(hostHeader: string, target: string): URL | undefined {
  if (!HOST_HEADER.test(hostHeader) || !target.startsWith('/')) return undefined;
  try {
    return new URL(`http://${hostHeader}${target}`);
  } catch {
    return undefined;
  }
}

/** Starts the emulator's HTTP server (port 0 picks a free port, as tests do). */
export async function startEmulator(options: ServeOptions): Promise<RunningEmulator> {
  const emulator = await createEmulator(options);
  const host = options.host ?? '127.0.0.1';

  /** A Graph-shaped error answered by the server itself (before the request reaches `handle`). */
  const fail = (res: http.ServerResponse, err: GraphHttpError, headers: Record<string, string> = {}) => {
    const requestId = randomUUID();
    const body = JSON.stringify(errorBody(err, { requestId, now: emulator.emu.now() }));
    res.writeHead(err.status, { 'content-type': GRAPH_JSON, 'content-length': String(Buffer.byteLength(body)), 'request-id': requestId, ...headers });
    res.end(body);
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let tooLarge = false;
    req.on('data', (c: Buffer) => {
      if (tooLarge) return;
      received += c.byteLength;
      if (received <= MAX_REQUEST_BYTES) {
        chunks.push(c);
        return;
      }
      // Stop buffering, answer now and close the connection (the rest of the body is never read).
      tooLarge = true;
      chunks.length = 0;
      req.pause();
      fail(res, new GraphHttpError(413, 'invalidRequest', `The request size exceeds the maximum limit of ${MAX_REQUEST_BYTES} bytes.`), { connection: 'close' });
    });
    req.on('end', () => {
      if (tooLarge) return;
      const url = requestUrl(req.headers.host ?? host, req.url ?? '/');
      if (!url) {
        fail(res, new GraphHttpError(400, 'BadRequest', 'The request URL or Host header is not valid.'));
        return;
      }
      void (async () => {
        try {
          const headers = new Headers();
          for (const [k, v] of Object.entries(req.headers)) {
            if (Array.isArray(v)) v.forEach((x) => headers.append(k, x));
            else if (v !== undefined) headers.set(k, v);
          }
          const body = chunks.length && req.method !== 'GET' && req.method !== 'HEAD' ? Buffer.concat(chunks) : undefined;
          const request = new Request(url, {
            method: req.method,
            headers,
            body,
          });
          const response = await emulator.handle(request);
          const out = Buffer.from(await response.arrayBuffer());
          const outHeaders: Record<string, string> = {};
          response.headers.forEach((v, k) => (outHeaders[k] = v));
          if (response.status !== 204 && response.status !== 304) outHeaders['content-length'] = String(out.byteLength);
          res.writeHead(response.status, outHeaders);
          res.end(req.method === 'HEAD' ? undefined : out);
        } catch (e) {
          console.error('[emulator] request failed', e);
          if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
          res.end('internal error');
        }
      })();
    });
  });
  server.keepAliveTimeout = 5000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://${host}:${port}`;
  emulator.emu.origin = origin;
  return {
    origin,
    graphBaseUrl: `${origin}/v1.0`,
    port,
    emulator,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      emulator.close();
    },
  };
}
