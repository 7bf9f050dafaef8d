#!/usr/bin/env node
/**
 * Installs what the README's commands need and is missing, so `npm start` and `npm test` work on a fresh
 * clone: the npm packages (when package-lock.json changed since the last install) and, with --browser,
 * Debian's Chromium. Plain Node with no dependencies: it runs before node_modules exists.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installScriptProblem } from './install-scripts.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'node_modules', '.lbt-lock-sha256');
const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

function run(command, args) {
  console.log(`[deps] ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) {
    console.error(`[deps] "${command} ${args.join(' ')}" failed with exit ${result.status}.`);
    process.exit(result.status ?? 1);
  }
}

const lockHash = () =>
  createHash('sha256')
    .update(readFileSync(join(root, 'package-lock.json')))
    .digest('hex');

/**
 * `npm install`, not `npm ci`: npm 11 leaves optional platform binaries (unrs-resolver's) out of the
 * lockfile and `npm ci` then refuses it. `npm install` still installs the locked versions.
 */
function ensureNpmPackages() {
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === lockHash()) return;
  run('npm', ['install', '--no-audit', '--no-fund']);
  writeFileSync(stamp, lockHash());
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function hasCommand(name) {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Installs Debian packages when running as root; otherwise says exactly what to install. */
function ensureDebianPackages(packages, why) {
  if (!isRoot()) {
    console.error(`[deps] ${why} Install it first: sudo apt-get install -y ${packages.join(' ')}`);
    process.exit(1);
  }
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages]);
}

function ensureChromium() {
  if (process.env.LBT_CHROMIUM_PATH || CHROMIUM_PATHS.some((path) => existsSync(path))) return;
  ensureDebianPackages(['chromium'], "Debian's Chromium is needed to show the kiosk and run the UI tests.");
}

function ensurePostgres() {
  if (existsSync('/usr/lib/postgresql') || hasCommand('pg_ctl')) return;
  ensureDebianPackages(['postgresql'], 'PostgreSQL is needed for the results-service tests.');
}

/**
 * The item package's sound tools: espeak-ng speaks, ffmpeg measures and normalises loudness (and reads recordings
 * for `lbt items audio import`), opusenc encodes. Needed to regenerate the package and by the import's tests.
 */
function ensureAudioTools() {
  const missing = [
    ['espeak-ng', 'espeak-ng'],
    ['ffmpeg', 'ffmpeg'],
    ['opusenc', 'opus-tools'],
  ].filter(([command]) => !hasCommand(command));
  if (missing.length === 0) return;
  ensureDebianPackages(
    missing.map(([, pkg]) => pkg),
    'The item package sound tools (speech, loudness, Opus encoding) are needed.',
  );
}

/** Fails when an installed package has an install script that allowScripts does not list (install-scripts.mjs). */
function ensureListedInstallScripts() {
  const problem = installScriptProblem(root);
  if (!problem) return;
  console.error(problem);
  process.exit(1);
}

const wants = new Set(process.argv.slice(2));
ensureNpmPackages();
ensureListedInstallScripts();
if (wants.has('--browser')) ensureChromium();
if (wants.has('--postgres')) ensurePostgres();
if (wants.has('--audio')) ensureAudioTools();
