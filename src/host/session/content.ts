import type { SessionContext } from '../../shared/session';
import type { LoadedPackage } from '../items/loader';

/** The package content a session runs on, from the loaded (verified) package. */
export function sessionContentOf(pkg: LoadedPackage | null | undefined): SessionContext | null {
  if (!pkg) return null;
  return {
    packageId: pkg.manifest.packageId,
    packageHash: pkg.packageHash,
    definition: pkg.definition,
    items: [...pkg.items.values()],
    practice: [...pkg.practice.values()],
    instructions: [...pkg.instructions.values()],
  };
}
