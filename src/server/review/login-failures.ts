/**
 * The database half of the review login's rate limits, shared by every instance on one database.
 *
 * Pair lock: a (username, address) pair gets MAX_FAILURES attempts; then that pair is refused until LOCK_MINUTES
 * after its last attempt. A lock from one address does not stop the same account logging in from another, so
 * whoever knows a reviewer's username can no longer keep that reviewer out.
 *
 * Account ceiling: all addresses together get ACCOUNT_MAX attempts on one username in the same window, so a
 * guesser with many addresses is still bounded (about 50 guesses per 15 minutes, ~4,800 a day, against passwords
 * of at least 12 characters). The trade-off: an attacker who controls ACCOUNT_MAX / MAX_FAILURES (10) or more
 * addresses (or IPv6 /64 prefixes) can still lock the account for everyone, the owner included, for as long as
 * the attack lasts. That costs far more than the single address the old per-account lock needed. The ceiling
 * refuses the right password too, on purpose: letting the right password through would tell the guesser when it
 * found it, so the ceiling would bound nothing. If this attack is ever seen, the next step is a "known browser"
 * cookie that lets a browser which logged in before past the ceiling (OWASP's device cookies).
 *
 * Usernames are counted whether they exist or not (the login request's schema has already trimmed and
 * lower-cased them), so an unknown name gets exactly the answers a known one gets and nothing reveals which
 * accounts exist. Attempts are reserved before the password is checked, so parallel requests cannot each get
 * "the fifth try"; a success deletes only its own pair's row.
 *
 * Rows expire LOCK_MINUTES after their last attempt and every attempt first deletes the expired ones (an indexed
 * range delete), so after any attempt the table holds only the pairs tried in the last 15 minutes, however wide
 * a spray. A row (a username and an address: personal data, kept for stopping password guessing) is also
 * deleted by the service's expiry sweep (expiry-sweep.ts) at most 5 minutes after it expired.
 */
import { isIPv4, isIPv6 } from 'node:net';
import type { Kysely } from 'kysely';
import type { Database } from '../db/tables';

export const MAX_FAILURES = 5;
export const ACCOUNT_MAX = 50;
export const LOCK_MINUTES = 15;

export interface AttemptKey {
  /** The normalized username from the request, whether or not such an account exists. */
  username: string;
  /** `addressKey(request.ip)`. */
  address: string;
}

/** The eight 16-bit groups of a valid IPv6 address, zone removed and an embedded IPv4 tail converted. */
function ipv6Groups(ip: string): number[] {
  let text = ip.split('%')[0]!.toLowerCase();
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const front = head ? head.split(':') : [];
  const back = tail ? tail.split(':') : [];
  const gap = tail === undefined ? [] : new Array<string>(8 - front.length - back.length).fill('0');
  return [...front, ...gap, ...back].map((group) => parseInt(group, 16));
}

/**
 * What a client address counts as. `request.ip` is the TCP peer unless `lbt server --trust-proxy` names the
 * reverse proxy (http/trust-proxy.ts): X-Forwarded-For is otherwise ignored, so a client cannot choose its own
 * address. Behind a proxy that is not named, every client has the proxy's address: the pair lock becomes a lock
 * of the username for everyone behind it and the per-address limit is shared by all of them.
 *
 * IPv4-mapped IPv6 counts as the IPv4 address. Other IPv6 addresses count per /64, the block one subscriber or
 * one LAN usually gets, because a single host can pick any address inside it.
 */
export function addressKey(ip: string | undefined): string {
  if (!ip) return 'unknown';
  if (isIPv4(ip)) return ip;
  if (!isIPv6(ip)) return ip;
  const groups = ipv6Groups(ip);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 255, groups[7]! >> 8, groups[7]! & 255].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

/**
 * Reserves one attempt for the pair, or answers false when the pair is locked or the username has reached its
 * ceiling. The reservation counts as a failure until `clearFailures` removes it after a right password.
 */
export async function reserveAttempt(db: Kysely<Database>, key: AttemptKey, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const expires = new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString();
  await db.deleteFrom('login_failures').where('expires_at', '<=', at).execute();

  const total = await db
    .selectFrom('login_failures')
    .select((eb) => eb.fn.sum<string | number | null>('failures').as('n'))
    .where('username', '=', key.username)
    .executeTakeFirst();
  // Concurrent attempts can overshoot the ceiling by the number in flight; it is a coarse bound, the pair
  // reservation below is the exact one.
  if (Number(total?.n ?? 0) >= ACCOUNT_MAX) return false;

  // One statement, so two instances cannot both take the last free attempt: the update only happens while the
  // row is expired or below MAX_FAILURES, and a locked pair returns no row.
  const row = await db
    .insertInto('login_failures')
    .values({ username: key.username, address: key.address, failures: 1, expires_at: expires })
    .onConflict((oc) =>
      oc
        .columns(['username', 'address'])
        .doUpdateSet((eb) => ({
          failures: eb
            .case()
            .when('login_failures.expires_at', '<=', at)
            .then(1)
            .else(eb('login_failures.failures', '+', 1))
            .end(),
          expires_at: expires,
        }))
        .where((eb) =>
          eb.or([
            eb('login_failures.expires_at', '<=', at),
            eb('login_failures.failures', '<', MAX_FAILURES),
          ]),
        ),
    )
    .returning('failures')
    .executeTakeFirst();
  return row !== undefined;
}

/** After a right password: forget this pair's failures, and only this pair's. */
export async function clearFailures(db: Kysely<Database>, key: AttemptKey): Promise<void> {
  await db
    .deleteFrom('login_failures')
    .where('username', '=', key.username)
    .where('address', '=', key.address)
    .execute();
}
