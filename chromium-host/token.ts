import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh secret per launch: only the browser we start (given it in the URL fragment) can call the host. */
export function newLaunchToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenMatches(expected: string, header: string | undefined): boolean {
  if (!header?.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice('Bearer '.length));
  const want = Buffer.from(expected);
  return given.length === want.length && timingSafeEqual(given, want);
}

export const ASSET_COOKIE = 'lbt-assets';

/**
 * The cookie value that lets the page's own <img> and <audio> load package files, which cannot send the
 * bearer token. Derived from the launch token, so it is as secret as the token and changes with it.
 */
export function assetCookieValue(token: string): string {
  return createHash('sha256').update(`lbt-assets:${token}`).digest('base64url');
}

/** Whether a Cookie header carries this launch's asset cookie. */
export function assetCookieMatches(token: string, cookieHeader: string | undefined): boolean {
  const want = Buffer.from(`${ASSET_COOKIE}=${assetCookieValue(token)}`);
  return (cookieHeader ?? '').split(';').some((pair) => {
    const given = Buffer.from(pair.trim());
    return given.length === want.length && timingSafeEqual(given, want);
  });
}
