import { defineConfig } from '@playwright/test';

/** Real-Electron tests; `npm test` runs this config only when LBT_ELECTRON_PATH is set. */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results/electron',
  timeout: 60_000,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: '../../test-results/electron-report.json' }]],
});
