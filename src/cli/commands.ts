import type { CliCommand } from './command';
import { itemsSign } from './commands/items-sign';
import { itemsVerify } from './commands/items-verify';
import { score } from './commands/score';

/**
 * Every `lbt` command, by its words (`items verify`, `server`, …). Each lives in its own file under
 * src/cli/commands/ and is listed here.
 */
export const commands: Record<string, CliCommand> = {
  'items verify': itemsVerify,
  'items sign': itemsSign,
  score,
};
