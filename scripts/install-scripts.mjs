/**
 * npm 11 only warns about install scripts that package.json's `allowScripts` does not list, and runs them all.
 * This check makes an unlisted one an error: every installed package (as package-lock.json lists them) that has
 * an install script, by the lockfile's `hasInstallScript` or by its own package.json (preinstall, install,
 * postinstall, or a binding.gyp, which npm builds implicitly), must be named in `allowScripts` (true or false).
 * Plain Node, no dependencies: ensure-deps.mjs runs it before node_modules can be trusted.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SCRIPT_NAMES = ['preinstall', 'install', 'postinstall'];

function installedHasScript(root, path) {
  const manifest = join(root, path, 'package.json');
  if (!existsSync(manifest)) return false;
  const scripts = JSON.parse(readFileSync(manifest, 'utf8')).scripts ?? {};
  return (
    SCRIPT_NAMES.some((name) => typeof scripts[name] === 'string') ||
    existsSync(join(root, path, 'binding.gyp'))
  );
}

/** Names of installed packages with an install script that `allowScripts` does not list, sorted. */
export function unlistedInstallScripts(root) {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  const allow = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).allowScripts ?? {};
  const unlisted = new Set();
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    if (!path.includes('node_modules/')) continue;
    const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    if (Object.hasOwn(allow, name)) continue;
    if (entry.hasInstallScript || installedHasScript(root, path)) unlisted.add(name);
  }
  return [...unlisted].sort();
}

/** The error text for ensure-deps, or null when every install script is listed. */
export function installScriptProblem(root) {
  const unlisted = unlistedInstallScripts(root);
  if (unlisted.length === 0) return null;
  return (
    `[deps] These installed packages have install scripts that package.json "allowScripts" does not list: ` +
    `${unlisted.join(', ')}. npm ran them anyway (npm 11 only warns). Review each script; then list the ` +
    'package in "allowScripts" (true to allow it, false to record that it must not be needed), or remove it.'
  );
}
