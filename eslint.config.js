// @ts-check
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import { readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import tseslint from 'typescript-eslint';

/**
 * The layer table of docs/ARCHITECTURE.md, one row per folder that holds code. `imports`: the other layers it may
 * import (checked on resolved file paths, not on spelling). `packages`: the npm packages it may import (derived from
 * what each folder imports today; anything else needs a row change here and a reason in the docs).
 * `runtime`: which globals it may use — 'pure' (no Node, no DOM), 'page' (DOM, no Node), 'node' (Node, no DOM).
 */
const manifest = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const DECLARED = [
  ...Object.keys(manifest.dependencies ?? {}),
  ...Object.keys(manifest.devDependencies ?? {}),
];

/** @type {Record<string, { imports: string[], packages: string[], runtime: 'pure' | 'page' | 'node' | 'any' }>} */
const LAYERS = {
  'src/shared': { imports: [], packages: ['zod', 'canonicalize'], runtime: 'pure' },
  renderer: {
    imports: ['src/shared'],
    packages: [
      'react',
      'react-dom',
      'zustand',
      'recharts',
      'zod',
      // The invitation letter's QR code (renderer/review/parts/QrCode.tsx).
      'qrcode',
      '@fontsource/noto-sans',
      '@fontsource/noto-sans-arabic',
      '@fontsource/noto-sans-ethiopic',
    ],
    runtime: 'page',
  },
  'src/host': { imports: ['src/shared'], packages: ['zod', 'uuid'], runtime: 'node' },
  'src/server': {
    imports: ['src/shared'],
    packages: [
      'fastify',
      '@fastify/cookie',
      '@fastify/helmet',
      '@fastify/rate-limit',
      '@fastify/static',
      'kysely',
      'pg',
      'better-sqlite3',
      'zod',
      // Only ingest/check-thread-boot.mjs: a worker thread registers tsx's loader for itself.
      'tsx',
    ],
    runtime: 'node',
  },
  'src/cli': {
    imports: ['src/shared', 'src/host', 'src/server'],
    packages: ['zod', 'uuid'],
    runtime: 'node',
  },
  electron: { imports: ['src/shared', 'src/host'], packages: ['electron'], runtime: 'any' },
  'chromium-host': {
    imports: ['src/shared', 'src/host'],
    packages: ['fastify', '@fastify/static', 'ws'],
    runtime: 'node',
  },
  'items/tools': { imports: ['src/shared'], packages: ['prettier'], runtime: 'node' },
  scripts: {
    imports: ['src/shared', 'src/host', 'src/server', 'src/cli', 'chromium-host'],
    packages: ['vite', 'tsx', 'typescript', 'zod', 'prettier'],
    runtime: 'node',
  },
  bin: { imports: ['src/cli'], packages: ['tsx'], runtime: 'node' },
  // Tests reach every layer; nothing reaches into test/.
  test: {
    imports: [
      'src/shared',
      'src/host',
      'src/server',
      'src/cli',
      'renderer',
      'electron',
      'chromium-host',
      'items/tools',
      'scripts',
      'bin',
    ],
    packages: DECLARED,
    runtime: 'any',
  },
};

const zones = Object.entries(LAYERS)
  .map(([target, { imports }]) => ({
    target: `./${target}`,
    from: Object.keys(LAYERS)
      .filter((layer) => layer !== target && !imports.includes(layer))
      .map((layer) => `./${layer}`),
    message: `${target} may import only ${[target, ...imports].join(', ')} (see docs/ARCHITECTURE.md).`,
  }))
  .filter((zone) => zone.from.length > 0);

/** The npm package a bare specifier names ('@scope/name/sub' → '@scope/name'), or null for files and built-ins. */
function packageOf(specifier) {
  if (/^[./]/.test(specifier) || specifier.startsWith('node:') || isBuiltin(specifier)) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** lbt/allowed-packages: every npm package a file imports (static, dynamic, require, type) is on its layer's list. */
const allowedPackages = {
  meta: {
    type: 'problem',
    schema: [{ type: 'object', properties: { layer: { type: 'string' }, allow: { type: 'array' } } }],
  },
  create(context) {
    const { layer, allow } = context.options[0];
    const check = (node) => {
      if (!node || node.type !== 'Literal' || typeof node.value !== 'string') return;
      const name = packageOf(node.value);
      if (name && !allow.includes(name)) {
        context.report({
          node,
          message: `${layer} may not import the npm package '${name}' (its allow-list is in eslint.config.js: ${allow.join(', ') || 'none'}).`,
        });
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      TSImportType: (node) => check(node.argument?.literal ?? node.argument),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node.arguments[0]);
      },
    };
  },
};

/** Node's globals, which code that runs in the page (or everywhere) cannot have. */
const NODE_GLOBALS = [
  'process',
  'Buffer',
  'require',
  'module',
  'exports',
  '__dirname',
  '__filename',
  'global',
  'setImmediate',
  'clearImmediate',
];
/** The page's globals, which code that runs in Node cannot have (fetch, URL, crypto and timers exist in both). */
const DOM_GLOBALS = [
  'window',
  'document',
  'navigator',
  'location',
  'history',
  'localStorage',
  'sessionStorage',
  'alert',
  'HTMLElement',
  'customElements',
  'requestAnimationFrame',
];
const banGlobals = (names, why) =>
  names.map((name) => ({ name, message: `${why} (see docs/ARCHITECTURE.md).` }));
const NO_NODE = {
  'no-restricted-globals': [
    'error',
    ...banGlobals(NODE_GLOBALS, 'This code runs in the page: no Node.js globals'),
  ],
  'no-restricted-properties': [
    'error',
    ...NODE_GLOBALS.map((property) => ({ object: 'globalThis', property })),
  ],
  'import-x/no-nodejs-modules': 'error',
};
const NO_DOM = (why) => ({
  'no-restricted-globals': ['error', ...banGlobals(DOM_GLOBALS, why)],
  'no-restricted-properties': [
    'error',
    ...DOM_GLOBALS.map((property) => ({ object: 'globalThis', property })),
  ],
});

const noElectron = {
  name: 'electron',
  message: "Only files under electron/ may import 'electron'.",
};

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'test/fixtures/**',
      '.lbt-data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX, lbt: { rules: { 'allowed-packages': allowedPackages } } },
    languageOptions: { globals: { ...globals.node } },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones }],
      'no-restricted-imports': ['error', { paths: [noElectron] }],
      // Top-level config files: any package declared in package.json.
      'lbt/allowed-packages': ['error', { layer: 'the top level', allow: DECLARED }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...Object.entries(LAYERS).map(([layer, { packages }]) => ({
    files: [`${layer}/**`],
    rules: { 'lbt/allowed-packages': ['error', { layer, allow: packages }] },
  })),
  {
    files: ['electron/**', 'test/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Code that runs everywhere has neither Node.js nor the DOM.
    files: ['src/shared/**'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'import-x/no-nodejs-modules': 'error',
      'no-restricted-globals': [
        'error',
        ...banGlobals(NODE_GLOBALS, 'src/shared runs in Node and in the page: no Node.js globals'),
        ...banGlobals(DOM_GLOBALS, 'src/shared runs in Node and in the page: no DOM globals'),
      ],
      'no-restricted-properties': [
        'error',
        ...[...NODE_GLOBALS, ...DOM_GLOBALS].map((property) => ({ object: 'globalThis', property })),
      ],
    },
  },
  {
    // Code that runs in the page has no Node.js.
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: NO_NODE,
  },
  {
    files: [
      'src/host/**',
      'src/server/**',
      'src/cli/**',
      'electron/main/**',
      'chromium-host/**',
      'items/tools/**',
      'scripts/**',
      'bin/**',
    ],
    rules: NO_DOM('This code runs in Node: no DOM globals'),
  },
);
