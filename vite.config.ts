import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { emulatorRuntimeConfig, runtimeConfigPlugin, type RuntimeConfig } from './scripts/runtime-config.js';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The app's Vite configuration. `npm start` (scripts/start.ts) calls this with the config of the
 * emulator it started; plain `vite` / `npm run dev` assumes an emulator on `EMULATOR_PORT`
 * (default 4000), e.g. one started with `npm run emulator`.
 */
export function sms365ViteConfig(runtimeConfig: () => RuntimeConfig): UserConfig {
  return {
    root,
    plugins: [react(), runtimeConfigPlugin(runtimeConfig)],
    server: { port: 5173, strictPort: false },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      // React changes less often than the app, so it gets its own long-cached chunk. Other libraries
      // are not grouped: a group is one chunk, and one holding every library would put each
      // screen's (zod, marked, DOMPurify, the Graph client, Fluent's tables and dialogs) into the
      // first load. Without a group a library lands in the chunk of the screens that use it.
      rolldownOptions: {
        output: {
          codeSplitting: {
            groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ }],
          },
        },
      },
    },
  };
}

export default defineConfig(sms365ViteConfig(() => emulatorRuntimeConfig(`http://127.0.0.1:${process.env.EMULATOR_PORT ?? 4000}`)));
