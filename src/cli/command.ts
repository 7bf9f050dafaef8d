/** One `lbt` command: its one-line summary for the usage text and what it runs (returns the exit code). */
export interface CliCommand {
  summary: string;
  run(args: string[]): Promise<number> | number;
}
