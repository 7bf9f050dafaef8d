import { defineConfig } from 'vitest/config';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic' } },
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    environment: 'node',
    // Real files, real sockets and real child processes: give slow shared machines room.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
