import type { CliConfig } from '../shared/config/cli';

/**
 * One `lbt` command: its one-line summary for the usage text and what it runs (returns the exit code). `env` is
 * the CLI's environment, read once in src/cli/main.ts (src/shared/config/cli.ts); commands never read process.env.
 */
export interface CliCommand {
  summary: string;
  run(args: string[], env: CliConfig): Promise<number> | number;
}
