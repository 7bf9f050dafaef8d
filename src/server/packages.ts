/**
 * The service's own copies of the item packages it can score against, found by package hash. Only the scoring
 * parts are needed (definition and keys); the CLI loads and verifies full packages with the host loader and
 * hands these parts over, so src/server never reads package files itself. The service also keeps every package
 * it was started with in its database (package-archive.ts), so older versions keep scoring after an upgrade.
 */
import type { Item, TestDefinition } from '../shared/items';

export interface ScoringPackage {
  /** sha256 of the package manifest, as a result names it in `package.packageHash`. */
  packageHash: string;
  definition: TestDefinition;
  items: Item[];
}

/** An archived package whose row did not read back; results naming it are refused with this reason. */
export interface DamagedPackage {
  packageHash: string;
  problem: string;
}

export interface PackageIndex {
  get(packageHash: string): ScoringPackage | undefined;
  /** Whether the service archived this package but its row did not read back (package-archive.ts). */
  isDamaged(packageHash: string): boolean;
}

export function indexPackages(
  packages: readonly ScoringPackage[],
  damaged: readonly DamagedPackage[] = [],
): PackageIndex {
  const byHash = new Map(packages.map((pkg) => [pkg.packageHash, pkg]));
  const damagedHashes = new Set(damaged.map((d) => d.packageHash));
  return {
    get: (packageHash) => byHash.get(packageHash),
    isDamaged: (packageHash) => damagedHashes.has(packageHash),
  };
}
