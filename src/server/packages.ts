/**
 * The service's own copies of the item packages it can score against, found by package hash. Only the scoring
 * parts are needed (definition and keys); the CLI loads and verifies full packages with the host loader and
 * hands these parts over, so src/server never reads package files itself.
 */
import type { Item, TestDefinition } from '../shared/items';

export interface ScoringPackage {
  /** sha256 of the package manifest, as a result names it in `package.packageHash`. */
  packageHash: string;
  definition: TestDefinition;
  items: Item[];
}

export type PackageIndex = ReadonlyMap<string, ScoringPackage>;

export function indexPackages(packages: readonly ScoringPackage[]): PackageIndex {
  return new Map(packages.map((pkg) => [pkg.packageHash, pkg]));
}
