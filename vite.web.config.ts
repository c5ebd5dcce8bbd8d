import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { cspPlugin } from './main/security/cspPlugin';
import { modelIndexPlugin } from './models/lib/webIndex';

/**
 * The renderer built for a plain browser, as the end-to-end tests drive it in
 * Chromium. Same sources as the Electron renderer; the API comes from the
 * browser implementation when no preload is present.
 * STEADY_WEB_OUT lets parallel test runs build into their own folders.
 */
export default defineConfig({
  root: resolve(__dirname, 'renderer'),
  base: './',
  // tar-stream's streams (streamx) take EventEmitter from events-universal, which is Node's "events" outside Bare
  // and React Native; a page has no "events", so it gets the same pure-JS emitter React Native does.
  resolve: { alias: { '@core': resolve(__dirname, 'core'), 'events-universal': 'bare-events' } },
  plugins: [react(), cspPlugin(), modelIndexPlugin(resolve(__dirname, 'models', 'cache'))],
  worker: { format: 'es' },
  build: {
    outDir: resolve(__dirname, process.env.STEADY_WEB_OUT ?? 'out/web'),
    emptyOutDir: true,
    sourcemap: true,
  },
});
