import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveApp, type ServedApp } from './serve-app.js';
import { emulatorRuntimeConfig } from './runtime-config.js';

let tmp: string;
let app: ServedApp;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'sms365-serve-'));
  const dist = path.join(tmp, 'dist');
  await fs.mkdir(path.join(dist, 'assets'), { recursive: true });
  await fs.writeFile(path.join(dist, 'index.html'), '<!doctype html><title>app</title>');
  await fs.writeFile(path.join(dist, 'assets', 'main.js'), 'console.log(1)');
  await fs.writeFile(path.join(tmp, 'secret.txt'), 'outside dist');
  app = await serveApp({ distDir: dist, runtimeConfig: emulatorRuntimeConfig('http://127.0.0.1:4999') });
});
afterAll(async () => {
  await app.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

/** A raw GET, so the path reaches the server exactly as written (fetch would normalise `..`). */
function rawGet(urlPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: app.port, path: urlPath }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

describe('serveApp', () => {
  it('serves the runtime config pointing at the emulator, uncached', async () => {
    const res = await fetch(`${app.url}/sms365.config.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ mode: 'emulator', graphBaseUrl: 'http://127.0.0.1:4999/v1.0', devAuthUrl: 'http://127.0.0.1:4999' });
  });

  it('serves built assets with their content type', async () => {
    const res = await fetch(`${app.url}/assets/main.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await res.text()).toBe('console.log(1)');
  });

  it('falls back to index.html for client-side routes, but 404s a missing file', async () => {
    expect(await (await fetch(`${app.url}/documents/42`)).text()).toContain('<title>app</title>');
    expect((await fetch(`${app.url}/assets/missing.js`)).status).toBe(404);
  });

  it('never serves files outside dist/', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const res = await rawGet(p);
      expect(res.body, p).not.toContain('outside dist');
    }
  });
});
