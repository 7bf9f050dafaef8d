/** `lbt`: the operator's command line (bin/lbt.mjs). Dispatches one- or two-word commands from ./commands. */
import { runLbt } from './dispatch';

process.exitCode = await runLbt(process.argv.slice(2));
