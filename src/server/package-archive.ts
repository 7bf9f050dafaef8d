/**
 * The service keeps the scoring parts of every item package it has been started with (`scoring_packages`), so
 * that after an upgrade started with the new package only, results of the old version (from kiosks not yet
 * updated, from outboxes and export files) still verify and re-score against their own package. Rows are read
 * back through the same zod schemas as package files; a row that does not read back is reported by its hash and
 * left out, so one damaged row never stops the service or the ingest of other packages.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { Item, TestDefinition } from '../shared/items';
import type { Database, ScoringPackagesTable } from './db/tables';
import { parseJson } from '../shared/json';
import type { DamagedPackage, ScoringPackage } from './packages';

export interface KnownPackages {
  /** The packages the service was started with (loaded and verified from their directories), archived now. */
  given: ScoringPackage[];
  /** Packages only the archive holds: versions the service was started with before. */
  archived: ScoringPackage[];
  /** Archived rows that did not read back. */
  damaged: DamagedPackage[];
}

const ArchivedItems = z.array(Item);

const partsSha256 = (definition: string, items: string) =>
  createHash('sha256').update(`${definition}\n${items}`, 'utf8').digest('hex');

/**
 * Archives the given packages (idempotent: an unchanged row is left as it is), then reads every archived one.
 * A given package wins over its archived copy and rewrites it when that differs, which also repairs a damaged row.
 */
export async function knownPackages(
  db: Kysely<Database>,
  given: readonly ScoringPackage[],
  at: Date,
): Promise<KnownPackages> {
  for (const pkg of given) await archivePackage(db, pkg, at);
  const givenHashes = new Set(given.map((pkg) => pkg.packageHash));
  const read = await readArchivedPackages(db);
  return {
    given: [...given],
    archived: read.packages.filter((pkg) => !givenHashes.has(pkg.packageHash)),
    damaged: read.damaged.filter((d) => !givenHashes.has(d.packageHash)),
  };
}

export async function archivePackage(db: Kysely<Database>, pkg: ScoringPackage, at: Date): Promise<void> {
  const definition = JSON.stringify(pkg.definition);
  const items = JSON.stringify(pkg.items);
  const parts = {
    definition_id: pkg.definition.id,
    definition_version: pkg.definition.version,
    definition,
    items,
    parts_sha256: partsSha256(definition, items),
  };
  await db
    .insertInto('scoring_packages')
    .values({ package_hash: pkg.packageHash, ...parts, archived_at: at.toISOString() })
    // Several instances may start together: the row is written once, and later only when it differs.
    .onConflict((oc) =>
      oc
        .column('package_hash')
        .doUpdateSet(parts)
        .where('scoring_packages.parts_sha256', '<>', parts.parts_sha256),
    )
    .execute();
}

export async function readArchivedPackages(
  db: Kysely<Database>,
): Promise<{ packages: ScoringPackage[]; damaged: DamagedPackage[] }> {
  const rows = await db
    .selectFrom('scoring_packages')
    .selectAll()
    .orderBy('archived_at')
    .orderBy('package_hash')
    .execute();
  const packages: ScoringPackage[] = [];
  const damaged: DamagedPackage[] = [];
  for (const row of rows) {
    const read = readRow(row);
    if (typeof read === 'string') {
      damaged.push({
        packageHash: row.package_hash,
        problem: `The archived copy of item package ${row.package_hash} is damaged: ${read}.`,
      });
    } else {
      packages.push(read);
    }
  }
  return { packages, damaged };
}

/** The package, or why the row cannot be used. */
function readRow(row: ScoringPackagesTable): ScoringPackage | string {
  if (partsSha256(row.definition, row.items) !== row.parts_sha256) {
    return 'its test definition or items changed after they were archived (the checksum differs)';
  }
  const definition = parseStored(row.definition, TestDefinition, 'the test definition');
  if (typeof definition === 'string') return definition;
  const items = parseStored(row.items, ArchivedItems, 'the item list');
  if (typeof items === 'string') return items;
  if (definition.id !== row.definition_id || definition.version !== row.definition_version) {
    return `it is filed as ${row.definition_id} ${row.definition_version} but holds ${definition.id} ${definition.version}`;
  }
  const ids = new Set(items.map((item) => item.id));
  const missing = definition.items.filter((id) => !ids.has(id));
  if (missing.length > 0)
    return `the item list lacks ${missing.join(', ')}, which the test definition scores`;
  return { packageHash: row.package_hash, definition, items };
}

/** Stored JSON through the one parse helper (strict: no duplicate keys); a string is the reason it is refused. */
function parseStored<T>(text: string, schema: z.ZodType<T>, what: string): T | string {
  const parsed = parseJson(schema, text, what);
  if (parsed.ok) return parsed.value;
  if (parsed.error.problem !== 'schema') return `${what} is not JSON (${parsed.error.detail})`;
  const lines = parsed.error.issues.slice(0, 5).map((line) => `${line.path}: ${line.message}`);
  return `${what} does not match its schema (${lines.join('; ')})`;
}
