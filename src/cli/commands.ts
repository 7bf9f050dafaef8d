import type { CliCommand } from './command';

/**
 * Every `lbt` command, by its words (`items verify`, `server`, …). Each lives in its own file under
 * src/cli/commands/ and is listed here.
 */
export const commands: Record<string, CliCommand> = {};
