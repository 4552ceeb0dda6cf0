import { defineConfig } from 'vitest/config';

// The Import page spec drives Chromium like test/e2e does (built renderer, one browser).
export default defineConfig({
  test: {
    include: ['test/import/ui/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
