/**
 * Which peers may speak for the client through X-Forwarded-For / X-Forwarded-Proto. By default nobody: the
 * TCP peer is the client, so nobody can pick the address the login limits count, and `request.protocol` is
 * what the socket says. A deployment behind a TLS-terminating reverse proxy names that proxy here; then the
 * limits count the real client addresses (not one shared proxy address, which would let one person's wrong
 * passwords lock a username for everyone) and the review cookies are marked Secure.
 */
import { isIP } from 'node:net';

/**
 * `--trust-proxy` text: comma-separated IP addresses or CIDR blocks (`10.0.0.0/8`, `fd00::/8`). Throws a
 * RangeError that says which entry is wrong; an empty list is refused rather than read as "trust nobody".
 */
export function parseTrustProxy(text: string): string[] {
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  if (entries.length === 0) throw new RangeError('--trust-proxy needs at least one address or CIDR block');
  for (const entry of entries) {
    const [address = '', prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    const bits = family === 4 ? 32 : 128;
    const prefixOk =
      prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) >= 0 && Number(prefix) <= bits);
    if (family === 0 || !prefixOk || rest.length > 0) {
      throw new RangeError(
        `--trust-proxy takes IP addresses or CIDR blocks (e.g. 10.0.0.5 or 10.0.0.0/24), not "${entry}"`,
      );
    }
  }
  return entries;
}
