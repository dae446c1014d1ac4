import {defineConfig} from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/support/secret-scan-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
