import { readTrustPolicy } from '../../host/items/trust';
import type { TrustPolicy } from '../../shared/items/trust';
/** Runs node:util parseArgs, turning its TypeError for an unknown or malformed option into a usage line. */
export function parseCliArgs<T>(parse: () => T, usage: string): T | null {
  try {
    return parse();
  } catch (error) {
    console.error(`${(error as Error).message}\nUsage: ${usage}`);
    return null;
  }
}

/** The trusted publishers for a command, or null after saying why they could not be read. */
export function readTrustForCli(file: string, allowDevelopmentKeys: boolean): TrustPolicy | null {
  try {
    return readTrustPolicy(file, allowDevelopmentKeys);
  } catch (error) {
    console.error(`Cannot read the trusted publishers: ${(error as Error).message}`);
    return null;
  }
}
