/**
 * PIN checks against the roster's scrypt verifiers. The derived key is compared in constant time, and scrypt runs
 * off the main thread (libuv's pool), so a check never stalls the candidate's screen.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { PinVerifier } from '../../shared/results-service';

/** scrypt needs about 128·N·r bytes; allow twice that (at least Node's 32 MiB default) so N·r within the schema fits. */
function optionsOf(verifier: Pick<PinVerifier, 'N' | 'r' | 'p'>): ScryptOptions {
  return {
    N: verifier.N,
    r: verifier.r,
    p: verifier.p,
    maxmem: Math.max(32 * 1024 * 1024, 256 * verifier.N * verifier.r),
  };
}

function derive(pin: string, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(pin, salt, length, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** Whether `pin` matches the verifier. A verifier whose hash is empty never matches. */
export async function pinMatches(pin: string, verifier: PinVerifier): Promise<boolean> {
  const expected = Buffer.from(verifier.hash, 'base64');
  if (expected.length < 16) return false;
  const actual = await derive(
    pin,
    Buffer.from(verifier.salt, 'base64'),
    expected.length,
    optionsOf(verifier),
  );
  return timingSafeEqual(actual, expected);
}

/** Makes a verifier for `pin` (the results service's job; here for tests, fixtures and tools). */
export async function makePinVerifier(
  pin: string,
  params: { N: number; r: number; p: number } = { N: 1 << 14, r: 8, p: 1 },
): Promise<PinVerifier> {
  const salt = randomBytes(16);
  const hash = await derive(pin, salt, 32, optionsOf(params));
  return { alg: 'scrypt', ...params, salt: salt.toString('base64'), hash: hash.toString('base64') };
}
