/** Runs node:util parseArgs, turning its TypeError for an unknown or malformed option into a usage line. */
export function parseCliArgs<T>(parse: () => T, usage: string): T | null {
  try {
    return parse();
  } catch (error) {
    console.error(`${(error as Error).message}\nUsage: ${usage}`);
    return null;
  }
}
