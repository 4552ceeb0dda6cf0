import { defineConfig } from 'vitest/config';

// End-to-end: drives the built app (run `npm run build` first) in Debian's Chromium through the
// browser host, and in Electron where its binary is installed. One file at a time: each launches
// a browser, and the machines are small.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts', 'test/import/ui/**/*.e2e.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
