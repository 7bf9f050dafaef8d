import type { Protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { readVerified, type PackageFile } from '../../src/host/items/read-verified';
import { SECURITY_HEADERS } from '../../src/shared/security/csp';
import { APP_HOST, APP_SCHEME } from './app-origin';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
};

/** Must run before the app is ready: makes app:// a standard, secure origin. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
} as const;

/** Resolves a request path inside the renderer folder, refusing anything that escapes it. */
export function resolveInside(root: string, urlPath: string): string | null {
  const decoded = decodeURIComponent(urlPath);
  const target = normalize(join(root, decoded));
  return target === root || target.startsWith(root.endsWith(sep) ? root : root + sep) ? target : null;
}

/** Item package files by package path (PackageStore.file): only manifest-listed files, else null. */
export type PackageFileLookup = (path: string) => PackageFile | null;

const PACKAGE_PREFIX = '/package/';

function packageFileFor(pathname: string, lookup: PackageFileLookup | undefined): PackageFile | null {
  try {
    return lookup?.(decodeURIComponent(pathname.slice(PACKAGE_PREFIX.length))) ?? null;
  } catch {
    return null;
  }
}

/** Package files are served only while they still match the signed manifest; renderer files as built. */
async function readServed(file: string | PackageFile): Promise<Buffer | null> {
  return typeof file === 'string' ? readFile(file).catch(() => null) : readVerified(file);
}

/** Serves the built renderer, and app://kiosk/package/<path> from the loaded item package. */
export function serveRenderer(
  protocol: Protocol,
  rendererDir: string,
  packageFile?: PackageFileLookup,
): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file =
      url.host !== APP_HOST
        ? null
        : url.pathname.startsWith(PACKAGE_PREFIX)
          ? packageFileFor(url.pathname, packageFile)
          : resolveInside(rendererDir, url.pathname);
    const body = file ? await readServed(file) : null;
    if (!file || !body) return new Response('Not found', { status: 404 });
    const type =
      typeof file === 'string' ? (MIME[extname(file)] ?? 'application/octet-stream') : file.contentType;
    return new Response(new Uint8Array(body), { headers: { 'Content-Type': type, ...SECURITY_HEADERS } });
  });
}
