import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const ENTRIES = {
  main: resolve(import.meta.dirname, 'electron/main/main.ts'),
  preload: resolve(import.meta.dirname, 'electron/preload/preload.ts'),
} as const;

/**
 * The Electron main process or preload (`--mode main|preload`), each bundled into one self-contained
 * CommonJS file under out/electron. Built separately because the sandboxed preload may require nothing
 * but `electron`: a chunk shared with main would be unloadable there.
 */
export default defineConfig(({ mode }) => {
  const entry = mode === 'preload' ? 'preload' : 'main';
  return {
    build: {
      outDir: resolve(import.meta.dirname, 'out/electron'),
      emptyOutDir: false,
      target: 'node22',
      ssr: true,
      minify: false,
      sourcemap: true,
      rollupOptions: {
        input: { [entry]: ENTRIES[entry] },
        external: ['electron', ...builtinModules, ...builtinModules.map((name) => `node:${name}`)],
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
    ssr: { noExternal: true, target: 'node' },
  };
});
