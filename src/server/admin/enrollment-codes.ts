/**
 * One-time enrollment codes. The code is shown once (by `lbt devices enroll`) and stored only as its sha256, so
 * a copy of the database does not hold usable codes. 16 characters from a 31-letter alphabet are ~79 bits:
 * not guessable, even before the rate limit.
 */
import { createHash, randomInt } from 'node:crypto';
import { EnrollmentCode } from '../../shared/results-service';
import type { ServerDeps } from '../deps';

/** The alphabet of EnrollmentCode: no 0/O, 1/I/L, so a code can be read out over the phone. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const ENROLLMENT_CODE_DAYS = 7;

export function enrollmentCodeHash(code: string): string {
  return createHash('sha256').update(EnrollmentCode.parse(code)).digest('hex');
}

function newCode(): string {
  const groups = Array.from({ length: 4 }, () =>
    Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
  );
  return groups.join('-');
}

export interface IssuedCode {
  code: string;
  gemeente: string;
  label: string;
  expiresAt: string;
}

export async function issueEnrollmentCode(
  deps: ServerDeps,
  input: { gemeente: string; label?: string },
): Promise<IssuedCode> {
  const gemeente = input.gemeente.trim();
  if (!gemeente) throw new Error('A gemeente is required.');
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + ENROLLMENT_CODE_DAYS * 86_400_000).toISOString();
  const code = newCode();
  const label = input.label?.trim() || gemeente;
  await deps.db
    .insertInto('enrollment_codes')
    .values({
      code_hash: enrollmentCodeHash(code),
      gemeente,
      label,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      used_at: null,
      used_by: null,
    })
    .execute();
  return { code, gemeente, label, expiresAt };
}
