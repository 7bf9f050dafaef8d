/**
 * The development stack behind `npm start`: a results service on 127.0.0.1 (SQLite under .lbt-dev/server) with
 * demo results and a dashboard user, a development afnemer on its roster, and the kiosk's data dir enrolled with
 * it, so the console, a sitting, the upload and the dashboard can all be tried from one command. Everything is
 * made through the real paths (enrollment code, signed uploads, signed roster); only the credentials are fixed
 * and printed, which is why this lives in scripts/ and never in a shipped build.
 */
import { join } from 'node:path';
import { defaultTrustedPublishersFile, readTrustPolicy } from '../src/host/items/trust';
import { loadPackage } from '../src/host/items/loader';
import { enrollDevice } from '../src/host/service-link/enroll';
import { readServiceLink } from '../src/host/service-link/link-file';
import { listAfnemers, upsertAfnemer } from '../src/server/admin/afnemers';
import { issueEnrollmentCode } from '../src/server/admin/enrollment-codes';
import type { ScoringPackage } from '../src/server/packages';
import { createUser } from '../src/server/review/users';
import { startResultsService, type RunningService } from '../src/server/start';
import { runDemo } from '../src/cli/demo/run';

export const DEV = {
  gemeente: 'Demodam',
  afnemer: { afnemerId: 'AFN-00001', name: 'Ontwikkel Afnemer', pin: '24680' },
  user: { username: 'consulent', password: 'demo-wachtwoord', role: 'beheerder' },
  demoResults: 400,
} as const;

export interface DevStack {
  service: RunningService;
  lines: string[];
}

function repoPackage(root: string): ScoringPackage {
  const loaded = loadPackage(join(root, 'items'), readTrustPolicy(defaultTrustedPublishersFile, true));
  if (!loaded.ok) throw new Error('items/ does not load; run `npx lbt items verify items`');
  const pkg = loaded.package;
  return { packageHash: pkg.packageHash, definition: pkg.definition, items: [...pkg.items.values()] };
}

async function listen(root: string, dataDir: string): Promise<RunningService> {
  const packages = [repoPackage(root)];
  const port = Number(process.env.LBT_SERVER_PORT ?? 8470);
  try {
    return await startResultsService({ port, dataDir, packages, logLevel: 'warn', databaseUrl: '' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    // Another service (or a second `npm start`) holds the usual port: any free one will do in development.
    return startResultsService({ port: 0, dataDir, packages, logLevel: 'warn', databaseUrl: '' });
  }
}

/** Starts the service and prepares it and the kiosk data dir once; later starts reuse what is there. */
export async function startDevStack(root: string, kioskDataDir: string | null): Promise<DevStack> {
  const serverDir = join(root, '.lbt-dev', 'server');
  const service = await listen(root, serverDir);
  const { deps } = service;
  const lines = [`Resultatenservice: ${service.url}`];

  const afnemers = await listAfnemers(deps);
  if (!afnemers.some((a) => a.afnemer_id === DEV.afnemer.afnemerId)) {
    const validUntil = new Date(deps.now().getTime() + 365 * 86_400_000).toISOString().slice(0, 10);
    await upsertAfnemer(deps, { ...DEV.afnemer, gemeente: DEV.gemeente, validUntil });
  }
  const users = await deps.db.selectFrom('users').select('username').execute();
  if (!users.some((u) => u.username === DEV.user.username)) {
    await createUser(deps.db, deps.now(), { ...DEV.user, gemeente: DEV.gemeente });
  }
  const stored = await deps.db
    .selectFrom('results')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('gemeente', '=', DEV.gemeente)
    .executeTakeFirstOrThrow();
  if (Number(stored.n) === 0) {
    const summary = await runDemo({
      url: service.url,
      deps,
      pkg: repoPackage(root),
      gemeente: DEV.gemeente,
      count: DEV.demoResults,
    });
    lines.push(`Demo-uitslagen opgeslagen: ${summary.stored}`);
  }
  lines.push(
    `Dashboard: ${service.url}/review/ (gebruiker ${DEV.user.username}, wachtwoord ${DEV.user.password})`,
  );

  if (kioskDataDir) {
    const link = await readServiceLink(kioskDataDir);
    if (!link || link.url !== service.url) {
      const { code } = await issueEnrollmentCode(deps, { gemeente: DEV.gemeente, label: 'ontwikkelkiosk' });
      await enrollDevice({ dataDir: kioskDataDir, serverUrl: service.url, code });
    }
    lines.push(
      `Kiosk gekoppeld (${kioskDataDir}); afnemer ${DEV.afnemer.afnemerId}, PIN ${DEV.afnemer.pin} (alleen ontwikkeling)`,
    );
  }
  return { service, lines };
}
