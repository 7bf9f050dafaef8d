/**
 * PIN verifiers for the roster: scrypt with N=2^15, r=8, p=1 (32 MiB, roughly 50-100 ms per guess on a laptop).
 * A PIN has at most a million values and the roster is cached on kiosks, so a stolen roster can be attacked
 * offline; memory-hard scrypt makes each guess cost memory as well as time, which GPUs cannot cheapen as
 * easily as a fast hash. These are the parameters RFC 7914 and OWASP name for interactive logins; a kiosk checks
 * one PIN per login, so the cost is paid once per login. node:crypto has scrypt built in.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { Pin, PinVerifier } from '../../shared/results-service';

export const PIN_SCRYPT = { N: 1 << 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

function scryptAsync(
  pin: string,
  salt: Buffer,
  params: { N: number; r: number; p: number },
): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(
      pin,
      salt,
      KEY_LENGTH,
      // 128 * N * r bytes are needed; allow twice that so the default 32 MiB limit does not refuse N=2^15.
      { ...params, maxmem: 256 * params.N * params.r },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

export async function makePinVerifier(pin: string): Promise<PinVerifier> {
  const checked = Pin.parse(pin);
  const salt = randomBytes(16);
  const hash = await scryptAsync(checked, salt, PIN_SCRYPT);
  return PinVerifier.parse({
    alg: 'scrypt',
    ...PIN_SCRYPT,
    salt: salt.toString('base64'),
    hash: hash.toString('base64'),
  });
}

/** What a kiosk does at login (offline, against its cached roster); here for tests and the CLI. */
export async function pinMatches(pin: string, verifier: PinVerifier): Promise<boolean> {
  const expected = Buffer.from(verifier.hash, 'base64');
  const actual = await scryptAsync(pin, Buffer.from(verifier.salt, 'base64'), verifier);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
