/** Finds and runs the `lbt` command named by argv (one to three words); returns the exit code. */
import { paths } from '../host/paths';
import { readAppVersion } from '../host/services/app-info';
import type { CliConfig } from '../shared/config/cli';
import { commands } from './commands';

function usage(): string {
  const lines = Object.entries(commands).map(
    ([name, command]) => `  lbt ${name.padEnd(22)} ${command.summary}`,
  );
  return ['Usage:', ...lines, '  lbt --version            print the version'].join('\n');
}

export async function runLbt(argv: string[], env: CliConfig): Promise<number> {
  const [first] = argv;
  if (!first || first === '--help' || first === '-h') {
    console.log(usage());
    return 0;
  }
  if (first === '--version') {
    console.log(readAppVersion(paths.packageJson));
    return 0;
  }
  // The longest name that matches: `items audio import` before `items audio`, before `items`.
  for (const words of [3, 2, 1]) {
    const command = argv.length >= words ? commands[argv.slice(0, words).join(' ')] : undefined;
    if (command) return command.run(argv.slice(words), env);
  }
  console.error(`Unknown command "${argv.join(' ')}".\n${usage()}`);
  return 2;
}
