import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import http from 'node:http';
import net from 'node:net';
import { startTestEmulator, type TestEmulator } from '../tests/support/emulator.js';

/** The HTTP server in front of `handle()`: request size limit and malformed request targets. */
let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());

interface ErrorJson { error: { code: string; message: string; innerError: Record<string, string> } }

/** Sends raw HTTP/1.1 text and returns the status and body of the answer. */
function raw(text: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(emu.port, '127.0.0.1', () => socket.write(text));
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => {
      data += d;
      const end = data.indexOf('\r\n\r\n');
      const length = /\r\ncontent-length: (\d+)/i.exec(data);
      if (end >= 0 && length && data.length >= end + 4 + Number(length[1])) {
        socket.destroy();
        resolve({
          status: Number(data.split(' ')[1]),
          type: /\r\ncontent-type: ([^\r]+)/i.exec(data)?.[1] ?? '',
          body: data.slice(end + 4, end + 4 + Number(length[1])),
        });
      }
    });
    socket.on('end', () => resolve({ status: Number(data.split(' ')[1]), type: /\r\ncontent-type: ([^\r]+)/i.exec(data)?.[1] ?? '', body: data.slice(data.indexOf('\r\n\r\n') + 4) }));
    socket.on('error', reject);
  });
}

describe('request size limit', () => {
  it('answers 413 with a Graph error once the body passes 61 MiB, without waiting for the rest', async () => {
    const declared = 200 * 1024 * 1024;
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(`${emu.origin}/_dev/faults`, { method: 'PUT', headers: { 'content-type': 'application/json', 'content-length': String(declared) } });
      let answered = false;
      req.on('response', (res) => {
        answered = true;
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', reject);
      });
      req.on('error', (e) => {
        if (!answered) reject(e);
      });
      // 62 MiB of the declared 200 MiB, then nothing more: only an early answer ends this.
      let sent = 0;
      const pump = () => {
        while (sent < 62 && !answered) {
          sent++;
          if (!req.write(chunk)) {
            req.once('drain', pump);
            return;
          }
        }
      };
      pump();
    });
    expect(answer.status).toBe(413);
    const body = JSON.parse(answer.body) as ErrorJson;
    expect(body.error.code).toBe('invalidRequest');
    expect(body.error.message).toMatch(/maximum/);
    expect(body.error.innerError['request-id']).toBeTruthy();
    expect((await fetch(`${emu.origin}/_dev/health`)).status).toBe(200);
  });

  it('still takes a 60 MiB body', async () => {
    const res = await fetch(`${emu.origin}/_dev/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: `{"latencyMs":0}${' '.repeat(60 * 1024 * 1024)}` });
    expect(res.status).toBe(200);
  });
});

describe('malformed request targets', () => {
  it.each([
    ['a Host header with a space', (_port: number) => 'GET /v1.0/me HTTP/1.1\r\nHost: bad host\r\nConnection: close\r\n\r\n'],
    ['a Host header with user info', (port: number) => `GET /v1.0/me HTTP/1.1\r\nHost: 127.0.0.1:${port}@evil.example\r\nConnection: close\r\n\r\n`],
    ['an absolute-form URL', (port: number) => `GET http://127.0.0.1:${port}/v1.0/me HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`],
  ])('answers %s with a Graph-shaped 400', async (_what, text) => {
    const res = await raw(text(emu.port));
    expect(res.status).toBe(400);
    expect(res.type).toMatch(/^application\/json/);
    expect((JSON.parse(res.body) as ErrorJson).error.code).toBe('BadRequest');
  });
});
