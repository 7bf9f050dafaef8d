/** `lbt`: the operator's command line (bin/lbt.mjs). Dispatches one- or two-word commands from ./commands. */
import { ConfigError, readCliConfig } from '../shared/config';
import { runLbt } from './dispatch';

// The CLI's environment, read once here; an unknown value (say LOG_LEVEL=loud) stops it with exit 2.
let env;
try {
  env = readCliConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
}
process.exitCode = env ? await runLbt(process.argv.slice(2), env) : 2;
