/**
 * The one rule for secrets at rest: a file or directory holding keys or personal data must be accessible by
 * its owner only (0600 files, 0700 directories). Kept pure (the caller stats the path), so the kiosk's key
 * provider and the results service refuse loose modes with the same words.
 */

/** Permission bits for group and others: any of them set means someone besides the owner gets in. */
const GROUP_OR_OTHER = 0o077;

export interface OwnerOnlyFacts {
  /** The path, for the message. */
  path: string;
  /** What it is, for the message: "key file", "data directory", "database file". */
  what: string;
  /** `stat.mode`. */
  mode: number;
  directory: boolean;
  /** `process.platform`: mode bits mean nothing on Windows, where the profile's ACL protects the data. */
  platform: string;
}

/** Why the path is not owner-only, as a message naming the fix; null when it is (or the platform has no modes). */
export function ownerOnlyProblem(facts: OwnerOnlyFacts): string | null {
  if (facts.platform === 'win32' || (facts.mode & GROUP_OR_OTHER) === 0) return null;
  const mode = (facts.mode & 0o777).toString(8).padStart(4, '0');
  const wanted = facts.directory ? '0700' : '0600';
  return (
    `refusing ${facts.what} ${facts.path}: its mode is ${mode}, but it must be accessible by its owner only ` +
    `(${wanted}). Check who changed it; if that is understood, run: chmod ${wanted.slice(1)} ${facts.path}`
  );
}
