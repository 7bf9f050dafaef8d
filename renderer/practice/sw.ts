/// <reference lib="webworker" />
/**
 * The practice app's service worker. Installed as `sw.js?lang=xx`, it keeps the app shell and that language's
 * practice files (the build's precache list, content/<lang>/precache.json) in one cache per language, and
 * answers every request of the app from there first, so after one visit the practice works without a
 * connection. Only this origin's own files are ever fetched or kept; nothing is sent anywhere.
 */
import { PracticePrecache, practicePaths } from '../../src/shared/practice/content';

declare const self: ServiceWorkerGlobalScope;

/**
 * Replaced at build time (scripts/practice-content.ts) by a digest of the package and the shell, so a new build
 * changes this file's bytes: the browser then installs the new worker, which keeps the new files.
 */
const BUILD = 'lbt-practice-build';
const language = new URL(self.location.href).searchParams.get('lang') ?? 'nl';
const PREFIX = `lbt-oefenen-${language}-`;
const CACHE = `${PREFIX}${BUILD}`;
const appUrl = (path: string) => new URL(path, self.registration.scope).toString();

async function keepLanguage(): Promise<void> {
  const response = await fetch(appUrl(practicePaths(language).precache), { cache: 'no-cache' });
  if (!response.ok) throw new Error(`no precache list for "${language}"`);
  const list = PracticePrecache.parse(await response.json());
  const cache = await caches.open(CACHE);
  await cache.addAll(list.files.map((path) => new Request(appUrl(path), { cache: 'no-cache' })));
}

self.addEventListener('install', (event) => {
  event.waitUntil(keepLanguage().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  // This language's older builds go; other languages' caches stay (a phone shared by two candidates keeps both).
  const old = async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
  };
  event.waitUntil(old().then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith(fromCacheFirst(event.request, url));
});

/**
 * The cached copy when there is one (any language's cache: the pictures are the same), else the network; the
 * page itself is matched without its query, since `?lang=` only chooses the content it loads.
 */
async function fromCacheFirst(request: Request, url: URL): Promise<Response> {
  const isPage = url.pathname.endsWith('/') || url.pathname.endsWith('/index.html');
  const key = isPage ? appUrl('./') : request;
  const cached = await caches.match(key, { ignoreSearch: isPage });
  if (cached) return cached;
  return fetch(request);
}
