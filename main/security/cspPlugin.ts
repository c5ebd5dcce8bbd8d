import type { Plugin } from 'vite';
import { contentSecurityPolicy } from './csp';

/** Writes the CSP into index.html as a meta tag, strict in builds and relaxed only for the dev server. */
export function cspPlugin(): Plugin {
  let mode: 'build' | 'dev' = 'build';
  return {
    name: 'steady-csp',
    configResolved(config) {
      mode = config.command === 'serve' ? 'dev' : 'build';
    },
    transformIndexHtml() {
      return [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy(mode, 'meta') },
          injectTo: 'head-prepend',
        },
      ];
    },
  };
}
