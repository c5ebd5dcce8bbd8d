import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/** Unit and component tests. Component tests opt into a DOM with `// @vitest-environment happy-dom`. */
export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@core': resolve(__dirname, 'core') } },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx', 'tests/component/**/*.test.tsx', 'tests/main/**/*.test.ts', 'tests/cli/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
