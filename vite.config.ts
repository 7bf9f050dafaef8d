import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './src/shared/security/csp.ts';

/**
 * Puts the shared CSP into every page as a meta tag too, so a page opened outside our shells is still
 * locked down. `frame-ancestors` is dropped there because browsers ignore it in a meta tag.
 */
export function cspMeta(): Plugin {
  const policy = CONTENT_SECURITY_POLICY.split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .join('; ');
  return {
    name: 'lbt-csp-meta',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: policy },
        injectTo: 'head-prepend',
      },
    ],
  };
}

// The renderer: one page per UI, built into out/renderer/<page>/index.html.
export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [cspMeta()],
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    target: 'chrome120',
    // No inline data: scripts or styles: the CSP forbids them.
    assetsInlineLimit: 0,
    rollupOptions: {
      input: { kiosk: resolve(import.meta.dirname, 'renderer/kiosk/index.html') },
    },
  },
});
