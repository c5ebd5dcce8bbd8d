import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { cspPlugin } from './main/security/cspPlugin';

/** `@core/...` is the platform-neutral domain, the same alias as in tsconfig.base.json. */
const alias = { '@core': resolve(__dirname, 'core') };

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: 'out/main',
      // The model unpacker runs in a worker thread of its own (main/models/unpackInWorker.ts).
      rollupOptions: { input: { index: resolve(__dirname, 'main/index.ts'), modelUnpack: resolve(__dirname, 'main/models/unpackWorker.ts') } },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      // The sandboxed preload cannot require packages at run time; the IPC contract's zod schemas are bundled in.
      externalizeDeps: { exclude: ['zod'] },
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve(__dirname, 'preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    // The page has no Node "events" for tar-stream's streams: the pure-JS emitter (as in vite.web.config.ts).
    resolve: { alias: { ...alias, 'events-universal': 'bare-events' } },
    plugins: [react(), cspPlugin()],
    worker: { format: 'es' },
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
