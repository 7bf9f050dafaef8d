/**
 * The results service as its own process for the upload fault suite, so the suite can SIGKILL and restart it:
 *   tsx test/faults/upload/service-main.ts --port P --data DIR [--database postgres://…]
 * (LBT_SERVER_KEY in the environment: the signing key several instances share, as `lbt server` reads it)
 * It scores against the mini package the suite's results are built on, checks uploads in two check threads,
 * and prints one `LBT_SERVICE_READY` line when it listens.
 */
import { parseArgs } from 'node:util';
import { SERVER_KEY_ENV } from '../../../src/server/crypto/server-key';
import { startResultsService } from '../../../src/server/start';
import { testPackage } from '../../support/results-service';

const { values } = parseArgs({
  options: { port: { type: 'string' }, data: { type: 'string' }, database: { type: 'string' } },
});
if (!values.port || !values.data) throw new Error('usage: service-main.ts --port P --data DIR');
const service = await startResultsService({
  port: Number(values.port),
  dataDir: values.data,
  databaseUrl: values.database ?? '',
  ...(process.env[SERVER_KEY_ENV] ? { serverKeyPem: process.env[SERVER_KEY_ENV] } : {}),
  packages: [testPackage],
  logLevel: 'silent',
  // Several kiosks draining a backlog at full speed through one proxy: no per-device limit in the way.
  rateLimit: { max: 1_000_000, timeWindowMs: 60_000 },
  // With check threads, as `lbt server` runs, so kills and restarts hit them too.
  checkThreads: 2,
});
console.log(`LBT_SERVICE_READY ${JSON.stringify({ url: service.url, port: service.port })}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void service.close().then(() => process.exit(0)));
}
