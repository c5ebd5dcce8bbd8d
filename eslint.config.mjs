import js from '@eslint/js';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/**
 * Layer rules that fail the build (in the spirit of VS Code's layers):
 * - core/ is platform-neutral: no electron, no node:* or Node built-ins, no react, no DOM globals.
 * - main/ never imports renderer/; renderer/ never imports main/ (only preload/api types).
 */
const domGlobals = ['window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'indexedDB', 'self', 'fetch', 'AudioContext', 'Worker', 'HTMLElement', 'requestAnimationFrame', 'process', 'Buffer', 'require', '__dirname'];

export default tseslint.config(
  {
    ignores: ['**/out/**', 'out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'models/cache/**', 'release/**', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })] },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './main', from: './renderer', message: 'main/ must not import renderer/.' },
            { target: './core', from: ['./main', './preload', './renderer', './tools', './tests'], message: 'core/ is the bottom layer and imports no other layer.' },
            { target: './renderer', from: './main', message: 'renderer/ talks to main only through preload/api.' },
          ],
        },
      ],
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'import-x/no-nodejs-modules': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'core/ is platform-neutral: no electron.' },
            { group: ['node:*'], message: 'core/ is platform-neutral: no Node built-ins.' },
            { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'core/ is platform-neutral: no react.' },
            { group: ['dexie', 'vosk-browser'], message: 'core/ is platform-neutral: no browser-only libraries.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...domGlobals.map((name) => ({ name, message: `core/ is platform-neutral: no ${name}.` }))],
    },
  },
);
