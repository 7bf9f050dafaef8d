/**
 * The content of the home practice app (issue 21): from the verified item package, only the practice items
 * and the instructions, written into the built app folder per language, with the list of files its service
 * worker keeps offline. Scored items never pass through here: they are not even read.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { LoadedPackage } from '../src/host/items/loader';
import type { LanguageCode, PracticeItem, Scene } from '../src/shared/items';
import {
  PracticeContent,
  PRACTICE_LANGUAGES_PATH,
  PracticeLanguages,
  PracticePrecache,
  practiceFileUrl,
  practicePaths,
} from '../src/shared/practice/content';

/** The pictures and sounds of a scene: its context, then the interaction's own visuals. */
function sceneFiles(scene: Scene): string[] {
  const i = scene.interaction;
  const own = i.kind === 'choose' ? i.options : i.kind === 'order' ? i.tiles : [i.token, ...i.targets];
  return [...scene.context, ...own].flatMap((v) => (v.audio ? [v.image, v.audio] : [v.image]));
}

function practiceFiles(item: PracticeItem): string[] {
  return [...(item.voorbeeld ? sceneFiles(item.voorbeeld) : []), ...sceneFiles(item.opgave)];
}

/** The content one language's practice app reads: the practice items and that language's instructions. */
export function practiceContentFor(pkg: LoadedPackage, language: LanguageCode): PracticeContent {
  const instructions = pkg.instructions.get(language);
  if (!instructions) throw new Error(`the package has no instructions in "${language}"`);
  const { items: _scored, devicePolicy: _device, ...definition } = pkg.definition;
  return PracticeContent.parse({
    schema: 'lbt.practice-content/1',
    packageId: pkg.manifest.packageId,
    packageHash: pkg.packageHash,
    definition,
    practice: pkg.definition.practice.map((id) => pkg.practice.get(id)!),
    instructions,
  });
}

/** The package files (paths in the package) one language's practice needs: pictures, sounds, spoken texts. */
export function packageFilesFor(content: PracticeContent): string[] {
  const spoken = Object.values(content.instructions.texts).flatMap((t) => (t?.audio ? [t.audio] : []));
  return [...new Set([...content.practice.flatMap(practiceFiles), ...spoken])].sort();
}

/**
 * The web app manifest for one language, so the app added to the home screen opens in that language. Its
 * URLs are relative to the manifest, which sits two folders below the app.
 */
function webManifest(content: PracticeContent) {
  const { language, direction, name } = content.instructions;
  return {
    name: `LBT ${name}`,
    short_name: 'LBT',
    lang: language,
    dir: direction,
    start_url: `../../?lang=${language}`,
    scope: '../../',
    display: 'standalone',
    orientation: 'any',
    background_color: '#f4f1ea',
    theme_color: '#1f5f99',
    icons: [{ src: '../../icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
  };
}

/**
 * Writes a digest of the package and the shell's (content-hashed) file names into sw.js, so every build that
 * changes what a phone should keep also changes the worker's bytes, and browsers install it and refresh their
 * cache. Without the placeholder there is nothing to stamp: the build fails rather than ship a worker that
 * would keep old practice content forever.
 */
function stampServiceWorker(appDir: string, packageHash: string, shell: string[]) {
  const path = join(appDir, 'sw.js');
  const source = readFileSync(path, 'utf8');
  if (!source.includes('lbt-practice-build')) throw new Error('sw.js has no build placeholder to stamp');
  const digest = createHash('sha256').update(packageHash).update(shell.join('\n')).digest('hex').slice(0, 16);
  writeFileSync(path, source.replaceAll('lbt-practice-build', `build-${digest}`));
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'));
}

/**
 * Writes every language's content and files into `appDir` (the built app), next to the app shell Vite wrote,
 * and a precache list per language: the shell plus that language's files. Returns the lists.
 */
export function writePracticeContent(pkg: LoadedPackage, appDir: string): PracticePrecache[] {
  // The shell is what Vite built; the service worker itself is fetched by the browser, never precached. Fonts
  // come as woff2 and woff; every browser that runs a service worker takes woff2, so only those are kept.
  const shell = listFiles(appDir)
    .filter((path) => !path.startsWith('content/') && path !== 'sw.js' && !path.endsWith('.woff'))
    .map((path) => (path === 'index.html' ? './' : path));
  const lists: PracticePrecache[] = [];
  for (const language of pkg.definition.languages) {
    const content = practiceContentFor(pkg, language);
    const paths = practicePaths(language);
    const own: string[] = [paths.content];
    mkdirSync(dirname(join(appDir, paths.content)), { recursive: true });
    writeFileSync(join(appDir, paths.content), JSON.stringify(content));
    writeFileSync(join(appDir, paths.manifest), JSON.stringify(webManifest(content)));
    own.push(paths.manifest);
    for (const file of packageFilesFor(content)) {
      const target = join(appDir, practiceFileUrl(file));
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(join(pkg.dir, file), target);
      own.push(practiceFileUrl(file));
    }
    const files = [...shell, ...own];
    const bytes = files.reduce(
      (sum, path) => sum + statSync(join(appDir, path === './' ? 'index.html' : path)).size,
      0,
    );
    const list = PracticePrecache.parse({ schema: 'lbt.practice-precache/1', language, files, bytes });
    writeFileSync(join(appDir, paths.precache), JSON.stringify(list));
    lists.push(list);
  }
  // The dashboard's invitation letter offers these languages and reads each one's direction from here.
  const languages = pkg.definition.languages.map((language) => {
    const { name, nameNl, direction } = pkg.instructions.get(language)!;
    return { language, name, nameNl, direction };
  });
  writeFileSync(join(appDir, PRACTICE_LANGUAGES_PATH), JSON.stringify(PracticeLanguages.parse(languages)));
  stampServiceWorker(appDir, pkg.packageHash, shell);
  return lists;
}
