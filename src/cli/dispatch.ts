/** Finds and runs the `lbt` command named by argv (one or two words); returns the exit code. */
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
  const [first, second, ...rest] = argv;
  if (!first || first === '--help' || first === '-h') {
    console.log(usage());
    return 0;
  }
  if (first === '--version') {
    console.log(readAppVersion(paths.packageJson));
    return 0;
  }
  const twoWord = second ? commands[`${first} ${second}`] : undefined;
  const command = twoWord ?? commands[first];
  if (!command) {
    console.error(`Unknown command "${argv.join(' ')}".\n${usage()}`);
    return 2;
  }
  return command.run(twoWord ? rest : argv.slice(1), env);
}
