import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { cspMeta } from './vite.config.ts';

/**
 * The gemeente's review dashboard: its own build into out/renderer/review, because the results service serves
 * that folder (and only that folder) at /review/, so its scripts, styles and fonts must live inside it.
 * It talks to the same-origin review API over HTTP; there is no window.lbt on this page.
 */
export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer/review'),
  base: './',
  plugins: [cspMeta()],
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer/review'),
    emptyOutDir: true,
    target: 'chrome120',
    assetsInlineLimit: 0,
    // One bundle with React and recharts (~220 kB gzipped) is fine for a page a consulent opens once a day.
    chunkSizeWarningLimit: 900,
    rollupOptions: {
      input: { review: resolve(import.meta.dirname, 'renderer/review/index.html') },
    },
  },
});
