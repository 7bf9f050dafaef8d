import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { cspMeta } from './vite.config.ts';

/**
 * The home practice app (issue 21): its own build into out/practice, a folder any web server can host as it
 * is (every URL in it is relative) and the results service serves at /oefenen/. The service worker is a
 * second entry with a fixed name, because the page registers it by that name.
 */
export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer/practice'),
  base: './',
  plugins: [cspMeta()],
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: resolve(import.meta.dirname, 'out/practice'),
    emptyOutDir: true,
    target: 'chrome120',
    assetsInlineLimit: 0,
    rollupOptions: {
      input: {
        practice: resolve(import.meta.dirname, 'renderer/practice/index.html'),
        sw: resolve(import.meta.dirname, 'renderer/practice/sw.ts'),
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
});
