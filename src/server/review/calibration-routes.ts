/**
 * The beheerder's calibration part of the review API (issue 19): the stored calibrations per package version,
 * one verified report, and a new run. A calibration covers every stored result of the package version on this
 * service (a cesuur belongs to the test definition, not to one gemeente); what it answers is aggregates only.
 */
import type { FastifyRequest } from 'fastify';
import type { CalibrationListResponse } from '../../shared/review';
import { PsychometricsInputError } from '../../shared/psychometrics';
import {
  CalibrationSignatureError,
  listCalibrations,
  readCalibration,
  runCalibration,
} from '../calibration/report-store';
import type { ServerSigningKey } from '../crypto/server-key';
import type { ServerDeps } from '../deps';
import { ProblemError } from '../http/problem';
import { readArchivedPackages } from '../package-archive';
import { route, type ReviewRoutes } from './api-routes';
import { requireAuth, requireCsrf, requireRole, type Auth } from './sessions';

type CalibrationRoutes = Pick<ReviewRoutes, 'calibrations' | 'calibration' | 'runCalibration'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `serverKey`: the service's signing key; without one (a plugin started without it) every route is a 503. */
export function calibrationRoutes(
  deps: ServerDeps,
  serverKey: ServerSigningKey | undefined,
): CalibrationRoutes {
  const beheerder = async (request: FastifyRequest): Promise<{ auth: Auth; key: ServerSigningKey }> => {
    const auth = await requireAuth(deps, request);
    requireRole(auth, ['beheerder']);
    if (!serverKey)
      throw new ProblemError(
        503,
        'unavailable',
        'Deze dienst heeft geen sleutel om kalibraties te ondertekenen.',
      );
    return { auth, key: serverKey };
  };

  return {
    calibrations: route(beheerder, async ({ auth: { key } }): Promise<CalibrationListResponse> => {
      const [{ packages }, counts, stored] = await Promise.all([
        readArchivedPackages(deps.db),
        deps.db
          .selectFrom('results')
          .select(['package_hash', (eb) => eb.fn.countAll<number | string>().as('n')])
          .groupBy('package_hash')
          .execute(),
        listCalibrations(deps.db, key.pinned),
      ]);
      const results = new Map(counts.map((row) => [row.package_hash, Number(row.n)]));
      return {
        packages: packages
          .filter((pkg) => results.has(pkg.packageHash))
          .map((pkg) => ({
            packageHash: pkg.packageHash,
            definitionId: pkg.definition.id,
            definitionVersion: pkg.definition.version,
            cesuur: pkg.definition.cesuur,
            results: results.get(pkg.packageHash) ?? 0,
            calibrations: stored.filter((summary) => summary.packageHash === pkg.packageHash),
          })),
      };
    }),

    calibration: route(beheerder, async ({ auth: { key }, params }) => {
      const missing = new ProblemError(404, 'not-found', 'Er is geen kalibratie met dit nummer.');
      if (!UUID.test(params.id)) throw missing;
      try {
        const record = await readCalibration(deps.db, key.pinned, params.id);
        if (!record) throw missing;
        const { packageHash, createdAt } = record.report.snapshot;
        return {
          summary: {
            reportId: record.reportId,
            packageHash,
            createdAt,
            createdBy: record.createdBy,
            resultCount: record.data.resultCount,
            valid: true,
          },
          record,
          keyId: key.pinned.keyId,
        };
      } catch (error) {
        if (error instanceof CalibrationSignatureError)
          throw new ProblemError(409, 'bad-signature', error.message);
        throw error;
      }
    }),

    runCalibration: route(
      async (request) => {
        const guarded = await beheerder(request);
        requireCsrf(request, guarded.auth.csrfToken);
        return guarded;
      },
      async ({ auth: { auth, key }, body }) => {
        const { packages } = await readArchivedPackages(deps.db);
        const pkg = packages.find((candidate) => candidate.packageHash === body.packageHash);
        if (!pkg) throw new ProblemError(404, 'not-found', 'Deze dienst kent dit itempakket niet.');
        try {
          return await runCalibration(deps.db, key, pkg, {
            createdBy: auth.user.username,
            now: deps.now(),
            dialect: deps.dialect,
            by: { actor: auth.user.username, role: auth.user.role },
            // The calibration reads every gemeente's results of the package; the entry belongs to the
            // beheerder's gemeente, whose privacy officer oversees that account.
            gemeente: auth.user.gemeente,
          });
        } catch (error) {
          if (error instanceof PsychometricsInputError)
            throw new ProblemError(422, 'invalid', `Kalibratie niet mogelijk: ${error.message}.`);
          throw error;
        }
      },
    ),
  };
}
