/**
 * Every schema migration of the results service, in order. Kysely's Migrator records which ran (and takes a
 * lock on PostgreSQL, so instances starting together do not race). Add a migration as one import and one entry
 * below; never edit one that has shipped.
 */
import type { Migration, MigrationProvider } from 'kysely';
import { coreMigration } from './001-core';
import { reviewMigration } from './002-review';
import { loginFailuresMigration } from './003-login-failures';
import { reviewPeriodMigration } from './004-review-period';
import { candidateRefMigration } from './005-candidate-ref';
import { scoringPackagesMigration } from './006-scoring-packages';
import { SERVER_KEY_MIGRATION, serverKeyToFileMigration } from './007-server-key-to-file';
import { resultFlagsMigration } from './008-result-flags';
import { deviceEnrollmentsMigration } from './009-device-enrollments';
import { userAdminMigration } from './010-user-admin';
import { endedEarlyMigration } from './011-ended-early';
import { conditionColumnsMigration } from './013-condition-columns';
import { auditLogMigration } from './014-audit-log';
import { reviewRolesMigration } from './015-review-roles';
import { retentionMigration } from './016-retention';
import { calibrationReportsMigration } from './018-calibration-reports';
import { conductMigration } from './019-conduct';
import { reviewChangesMigration } from './020-review-changes';

export { SERVER_KEY_MIGRATION };

/** `dataDir`: where migration 007 puts the server key it takes out of the database. */
export function migrationProvider(dataDir: string): MigrationProvider {
  const migrations: Record<string, Migration> = {
    '001-core': coreMigration,
    '002-review': reviewMigration,
    '003-login-failures': loginFailuresMigration,
    '004-review-period': reviewPeriodMigration,
    '005-candidate-ref': candidateRefMigration,
    '006-scoring-packages': scoringPackagesMigration,
    [SERVER_KEY_MIGRATION]: serverKeyToFileMigration(dataDir),
    '008-result-flags': resultFlagsMigration,
    '009-device-enrollments': deviceEnrollmentsMigration,
    '010-user-admin': userAdminMigration,
    '011-ended-early': endedEarlyMigration,
    '013-condition-columns': conditionColumnsMigration,
    '014-audit-log': auditLogMigration,
    '015-review-roles': reviewRolesMigration,
    '016-retention': retentionMigration,
    '018-calibration-reports': calibrationReportsMigration,
    '019-conduct': conductMigration,
    '020-review-changes': reviewChangesMigration,
  };
  return { getMigrations: () => Promise.resolve(migrations) };
}
