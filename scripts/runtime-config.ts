import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import { RUNTIME_CONFIG_PATH, type CloudName, type RuntimeConfig } from '../src/app/config.js';
import { runtimeConfigSchema } from '../src/app/configSchema.js';

/**
 * The runtime configuration the app fetches from `/sms365.config.json`. Servers of the app
 * (`npm start`'s Vite dev server, the e2e static server) answer that path; the build never
 * contains it (docs/decisions/0001-runtime-config-and-emulator-first.md).
 */
export { RUNTIME_CONFIG_PATH, type RuntimeConfig };

/**
 * Config for a browser talking to the emulator at `origin` (e.g. `http://127.0.0.1:4000`). With
 * `cloud: 'china'` the app behaves as for a tenant operated by 21Vianet (the emulator should then be
 * started with the same cloud, so it answers as Graph in China does).
 */
export function emulatorRuntimeConfig(origin: string, opts: { cloud?: CloudName } = {}): RuntimeConfig {
  const base = origin.replace(/\/+$/, '');
  const cloud = opts.cloud && opts.cloud !== 'global' ? { cloud: opts.cloud } : {};
  return runtimeConfigSchema.parse({ mode: 'emulator', graphBaseUrl: `${base}/v1.0`, devAuthUrl: base, ...cloud });
}

/** Answers `GET /sms365.config.json` with `config` and returns true; false for any other path. */
export function serveRuntimeConfig(req: IncomingMessage, res: ServerResponse, config: RuntimeConfig): boolean {
  const path = (req.url ?? '/').split('?')[0];
  if (path !== RUNTIME_CONFIG_PATH) return false;
  const body = JSON.stringify(config, null, 2);
  res.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}

/** Vite plugin: the dev and preview servers answer `/sms365.config.json` from `getConfig()`. */
export function runtimeConfigPlugin(getConfig: () => RuntimeConfig): Plugin {
  return {
    name: 'sms365-runtime-config',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (!serveRuntimeConfig(req, res, getConfig())) next();
      });
    },
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        if (!serveRuntimeConfig(req, res, getConfig())) next();
      });
    },
  };
}
