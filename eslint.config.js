// @ts-check
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The import boundaries of docs/ARCHITECTURE.md, checked on resolved file paths (not on spelling):
 * each folder may import only the layers listed for it.
 */
const LAYERS = ['src/shared', 'src/host', 'src/server', 'src/cli', 'renderer', 'electron', 'chromium-host'];
const MAY_IMPORT = {
  'src/shared': [],
  renderer: ['src/shared'],
  'src/host': ['src/shared'],
  'src/server': ['src/shared'],
  electron: ['src/shared', 'src/host'],
  'chromium-host': ['src/shared', 'src/host'],
  'src/cli': ['src/shared', 'src/host', 'src/server'],
};
const zones = Object.entries(MAY_IMPORT).map(([target, allowed]) => ({
  target: `./${target}`,
  from: LAYERS.filter((layer) => layer !== target && !allowed.includes(layer)).map((layer) => `./${layer}`),
  message: `${target} may import only ${[target, ...allowed].join(', ')} (see docs/ARCHITECTURE.md).`,
}));

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
    plugins: { 'import-x': importX },
    languageOptions: { globals: { ...globals.node } },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones }],
      'no-restricted-imports': ['error', { paths: [noElectron] }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['electron/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Code that runs in the page or everywhere has no Node.js.
    files: ['renderer/**', 'src/shared/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'import-x/no-nodejs-modules': 'error' },
  },
);
