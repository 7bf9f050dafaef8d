import { z } from 'zod';

/**
 * How far a test definition's cesuur can be trusted (issue 19).
 * - `pilot`: the items are not yet calibrated; no advice exists, only the score ("proefafname: geen advies").
 * - `provisional`: calibrated, but the cesuur is not yet set by a standard-setting study; the advice is "voorlopig".
 * - `operational`: the cesuur was set and released; the advice stands.
 */
export const DefinitionStatus = z.enum(['pilot', 'provisional', 'operational']);
export type DefinitionStatus = z.infer<typeof DefinitionStatus>;

/** Dutch names of the statuses, for sheets, exports and the kiosk. */
export const DEFINITION_STATUS_TEXT: Readonly<Record<DefinitionStatus, string>> = {
  pilot: 'proefafname (geen advies)',
  provisional: 'voorlopig (cesuur nog niet vastgesteld)',
  operational: 'operationeel',
};

/**
 * One released cesuur: a versioned, dated decision, never a free setting. The definition keeps every version it
 * has had (`cesuurVersions`, oldest first), so the history travels with the signed package.
 */
export const CesuurVersion = z
  .object({
    /** 1, 2, 3, ... within this test definition. */
    number: z.number().int().min(1),
    /** How a gemeente names it: "landelijke cesuur", "Angoff-studie 2027-01". */
    label: z.string().min(1).max(120),
    cesuur: z.number().int().min(0),
    twijfelzone: z.object({ below: z.number().int().min(0), above: z.number().int().min(0) }).strict(),
    status: DefinitionStatus,
    /** The day it was released (YYYY-MM-DD). */
    releasedAt: z.iso.date(),
    /** How the cesuur was set: "gemodificeerde Angoff", "oordelen van NT2-docenten", "geen (proefafname)". */
    method: z.string().min(1).max(200),
    /** Where the evidence is: a study name, the path of an Angoff CSV, a report. */
    source: z.string().min(1).max(300),
    /** Why the advice is only voorlopig (required reading for `provisional`). */
    reason: z.string().min(1).max(300).optional(),
    /** The definition version this cesuur was released with. */
    definitionVersion: z.string().regex(/^\d+\.\d+\.\d+$/),
    /** What a standard-setting panel proposed, when the cesuur came from one. */
    proposal: z
      .object({
        method: z.literal('angoff'),
        judges: z.number().int().min(2),
        /** The panel's cut in raw-score points (not rounded) and its standard error across judges. */
        cut: z.number(),
        se: z.number().min(0),
        proposedCesuur: z.number().int().min(0),
      })
      .strict()
      .optional(),
  })
  .strict();
export type CesuurVersion = z.infer<typeof CesuurVersion>;

interface StatusFields {
  version: string;
  cesuur: number;
  twijfelzone: { below: number; above: number };
  status?: DefinitionStatus | undefined;
  cesuurVersions?: readonly CesuurVersion[] | undefined;
}

/**
 * The status a definition runs under. A definition written before issue 19 has none: it gave advice, and its
 * results must re-score exactly as they were stored, so it counts as operational.
 */
export function definitionStatusOf(definition: Pick<StatusFields, 'status'>): DefinitionStatus {
  return definition.status ?? 'operational';
}

/** The national cesuur of 28, in force since April 2023 (it was 31). */
const NATIONAL_CESUUR = 28;

/**
 * The cesuur version in force: the last one the definition lists, or, for a definition from before cesuur
 * versions, one described from its own fields.
 */
export function cesuurVersionOf(definition: StatusFields): CesuurVersion {
  const last = definition.cesuurVersions?.at(-1);
  if (last) return last;
  const national = definition.cesuur === NATIONAL_CESUUR;
  return {
    number: 1,
    label: national ? 'landelijke cesuur' : `cesuur ${definition.cesuur} van de testdefinitie`,
    cesuur: definition.cesuur,
    twijfelzone: definition.twijfelzone,
    status: definitionStatusOf(definition),
    releasedAt: '2023-04-01',
    method: national ? 'oordelen van NT2-docenten (landelijk vastgesteld)' : 'niet vastgelegd',
    source: national ? 'landelijke cesuur' : `testdefinitie ${definition.version}`,
    definitionVersion: definition.version,
  };
}

/** The one line a sheet prints for a cesuur version: "landelijke cesuur (versie 1, 2023-04-01)". */
export function cesuurVersionText(version: Pick<CesuurVersion, 'label' | 'number' | 'releasedAt'>): string {
  return `${version.label} (versie ${version.number}, ${version.releasedAt})`;
}

/**
 * What a schema of single fields cannot see: the version in force must be what the definition applies, and the
 * history must count up. Returns problem texts (English, as the other package rules) with their JSON paths (the package rules' style).
 */
export function cesuurHistoryProblems(definition: StatusFields): { path: string; message: string }[] {
  const versions = definition.cesuurVersions;
  if (!versions) return [];
  const problems: { path: string; message: string }[] = [];
  versions.forEach((v, i) => {
    if (v.number !== i + 1)
      problems.push({ path: `$.cesuurVersions[${i}].number`, message: `expected version number ${i + 1}` });
    if (v.status === 'provisional' && !v.reason)
      problems.push({
        path: `$.cesuurVersions[${i}].reason`,
        message: 'a provisional cesuur needs the reason its advice is voorlopig',
      });
  });
  const last = versions.at(-1)!;
  const at = `$.cesuurVersions[${versions.length - 1}]`;
  if (last.cesuur !== definition.cesuur)
    problems.push({
      path: `${at}.cesuur`,
      message: `the version in force says ${last.cesuur}, $.cesuur says ${definition.cesuur}`,
    });
  if (
    last.twijfelzone.below !== definition.twijfelzone.below ||
    last.twijfelzone.above !== definition.twijfelzone.above
  )
    problems.push({ path: `${at}.twijfelzone`, message: 'differs from $.twijfelzone' });
  if (last.status !== definitionStatusOf(definition))
    problems.push({
      path: `${at}.status`,
      message: `the version in force says ${last.status}, $.status says ${definitionStatusOf(definition)}`,
    });
  if (last.definitionVersion !== definition.version)
    problems.push({
      path: `${at}.definitionVersion`,
      message: `differs from $.version ${definition.version}`,
    });
  return problems;
}
