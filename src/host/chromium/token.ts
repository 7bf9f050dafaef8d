import { randomBytes, timingSafeEqual } from 'node:crypto';

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
