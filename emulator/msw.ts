import { http, type HttpHandler } from 'msw';
import type { Emulator } from './app.js';

/**
 * msw handlers backed by an in-process emulator, so unit tests get the same behaviour as the
 * HTTP server without a socket. `origin` is the fake host the code under test calls.
 */
export function emulatorHandlers(emulator: Emulator, origin = 'https://emulator.test'): HttpHandler[] {
  emulator.emu.origin = origin;
  return [http.all(`${origin}/*`, ({ request }) => emulator.handle(request))];
}
