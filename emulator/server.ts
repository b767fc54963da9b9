import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEmulator, type Emulator, type EmulatorOptions } from './app.js';

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

/** Starts the emulator's HTTP server (port 0 picks a free port, as tests do). */
export async function startEmulator(options: ServeOptions): Promise<RunningEmulator> {
  const emulator = await createEmulator(options);
  const host = options.host ?? '127.0.0.1';

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        try {
          const headers = new Headers();
          for (const [k, v] of Object.entries(req.headers)) {
            if (Array.isArray(v)) v.forEach((x) => headers.append(k, x));
            else if (v !== undefined) headers.set(k, v);
          }
          const body = chunks.length && req.method !== 'GET' && req.method !== 'HEAD' ? Buffer.concat(chunks) : undefined;
          const request = new Request(`http://${req.headers.host ?? `${host}`}${req.url ?? '/'}`, {
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
