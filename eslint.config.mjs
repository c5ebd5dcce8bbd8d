import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Layer rules that fail the build (in the spirit of VS Code's layers):
 * - core/ is platform-neutral: no electron, no node:* or Node built-ins, no react, no DOM globals,
 *   and it imports no other layer.
 * - main/ never imports renderer/; renderer/ reaches main only through preload/api.
 * ESLint's own no-restricted-imports does this without a resolver plugin (whose native
 * bindings are not all on every registry mirror, which broke `npm ci`).
 */
const domGlobals = ['window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'indexedDB', 'self', 'fetch', 'AudioContext', 'Worker', 'HTMLElement', 'requestAnimationFrame', 'process', 'Buffer', 'require', '__dirname'];

const layer = (names, message) => ({ group: names.flatMap((n) => [`**/${n}`, `**/${n}/**`]), message });

export default tseslint.config(
  {
    ignores: ['**/out/**', 'out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'models/cache/**', 'release/**', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: builtinModules.map((name) => ({ name, message: 'core/ is platform-neutral: no Node built-ins.' })),
          patterns: [
            { group: ['electron', 'electron/*'], message: 'core/ is platform-neutral: no electron.' },
            { group: ['node:*'], message: 'core/ is platform-neutral: no Node built-ins.' },
            { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'core/ is platform-neutral: no react.' },
            { group: ['dexie', 'vosk-browser'], message: 'core/ is platform-neutral: no browser-only libraries.' },
            layer(['main', 'preload', 'renderer', 'tools', 'tests'], 'core/ is the bottom layer and imports no other layer.'),
          ],
        },
      ],
      'no-restricted-globals': ['error', ...domGlobals.map((name) => ({ name, message: `core/ is platform-neutral: no ${name}.` }))],
    },
  },
  {
    files: ['main/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [layer(['renderer'], 'main/ must not import renderer/.')] }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [layer(['main'], 'renderer/ talks to main only through preload/api.')] }],
    },
  },
);
