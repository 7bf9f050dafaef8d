/**
 * `lbt definition release`: the beheerder releases a new cesuur for a package as a new test-definition version.
 * The package must be intact and signed by the key given (a release never changes who publishes a package); the
 * new definition carries the whole cesuur history, gets the next minor version, and the package is signed again,
 * so it has a new hash. Results keep naming the hash they were taken with, and the service re-scores each against
 * its own package, so older results keep their cesuur. Any refusal leaves the package as it was.
 */
import { verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  cesuurHistoryProblems,
  cesuurVersionOf,
  type CesuurVersion,
  type DefinitionStatus,
} from '../../shared/items/definition-status';
import { ManifestSignature } from '../../shared/items/manifest';
import { formatProblem } from '../../shared/items/problem';
import { TestDefinition } from '../../shared/items/test-definition';
import type { PublisherKeyPairFile } from '../../shared/items/trust';
import { angoffCut, parseAngoffCsv } from '../../shared/psychometrics/angoff';
import { DEFINITION_FILE, sha256Hex } from './content-files';
import { publicKeyOf } from './keys';
import { parsePackageJson } from './read-json';
import { computeManifest, manifestBytes, signPackage, writeDurably, type SignOutcome } from './sign';

class ReleaseError extends Error {
  override readonly name = 'ReleaseError';
}

interface ReleaseRequest {
  /** The package folder. */
  dir: string;
  pair: PublisherKeyPairFile;
  status: Exclude<DefinitionStatus, 'pilot'>;
  /** The new cesuur; taken from the Angoff study's proposal when absent. */
  cesuur?: number | undefined;
  /** The twijfelzone around it; the current one when absent. */
  twijfelzone?: { below: number; above: number } | undefined;
  label: string;
  method: string;
  /** Where the evidence is; the Angoff CSV's path when absent. */
  source?: string | undefined;
  /** Why the advice is only voorlopig (provisional). */
  reason?: string | undefined;
  /** YYYY-MM-DD. */
  releasedAt: string;
  /** A modified-Angoff study (docs/PSYCHOMETRICS.md): its path as the operator named it, and its text. */
  angoff?: { path: string; text: string } | undefined;
}

export interface ReleaseOutcome {
  previous: { version: string; packageHash: string };
  version: CesuurVersion;
  signed: SignOutcome;
}

const DEFAULT_REASON = 'de cesuur is nog niet vastgesteld in een standaardbepaling';

/** Refuses a package that is not exactly what its publisher (this key) signed. */
function checkIntact(root: string, pair: PublisherKeyPairFile): string {
  let manifestText: Buffer;
  let sigText: Buffer;
  try {
    manifestText = readFileSync(join(root, 'manifest.json'));
    sigText = readFileSync(join(root, 'manifest.sig'));
  } catch {
    throw new ReleaseError(`${root} is not a signed package (manifest.json or manifest.sig is missing)`);
  }
  const sig = parsePackageJson('manifest.sig', sigText, ManifestSignature);
  if (!sig.ok) throw new ReleaseError(sig.problems.map(formatProblem).join('\n'));
  if (sig.value.keyId !== pair.keyId) {
    throw new ReleaseError(
      `the package is signed with key ${sig.value.keyId}, not with ${pair.keyId}: release it with the key of its publisher`,
    );
  }
  if (!verify(null, manifestText, publicKeyOf(pair), Buffer.from(sig.value.signature, 'base64')))
    throw new ReleaseError('manifest.sig does not verify: the package is not as its publisher signed it');
  if (!manifestBytes(computeManifest(root)).equals(manifestText))
    throw new ReleaseError(
      'the package files differ from its signed manifest: verify it first (lbt items verify)',
    );
  return sha256Hex(manifestText);
}

function nextMinor(version: string): string {
  const [major, minor] = version.split('.').map(Number) as [number, number];
  return `${major}.${minor + 1}.0`;
}

export function releaseDefinition(request: ReleaseRequest): ReleaseOutcome {
  const root = resolve(request.dir);
  const previousHash = checkIntact(root, request.pair);
  const definitionPath = join(root, DEFINITION_FILE);
  const before = readFileSync(definitionPath);
  const parsed = parsePackageJson(DEFINITION_FILE, before, TestDefinition);
  if (!parsed.ok) throw new ReleaseError(parsed.problems.map(formatProblem).join('\n'));
  const definition = parsed.value;

  let proposal: CesuurVersion['proposal'];
  if (request.angoff) {
    const read = parseAngoffCsv(request.angoff.text);
    if (!read.ok) throw new ReleaseError(`${request.angoff.path}:\n${read.errors.join('\n')}`);
    const scored = new Set(definition.items);
    const listed = new Set(read.study.items);
    const missing = definition.items.filter((id) => !listed.has(id));
    const unknown = read.study.items.filter((id) => !scored.has(id));
    if (missing.length > 0 || unknown.length > 0) {
      throw new ReleaseError(
        `${request.angoff.path}: the study's items are not this definition's items` +
          (missing.length > 0 ? `; missing: ${missing.join(', ')}` : '') +
          (unknown.length > 0 ? `; not in the definition: ${unknown.join(', ')}` : ''),
      );
    }
    const cut = angoffCut(read.study);
    proposal = {
      method: 'angoff',
      judges: cut.judgeCuts.length,
      cut: cut.cut,
      se: cut.se,
      proposedCesuur: cut.proposedCesuur,
    };
  }
  const cesuur = request.cesuur ?? proposal?.proposedCesuur;
  if (cesuur === undefined)
    throw new ReleaseError('give the new cesuur (--cesuur) or an Angoff study that proposes one (--angoff)');
  if (!Number.isInteger(cesuur) || cesuur < 0 || cesuur > definition.items.length)
    throw new ReleaseError(
      `the cesuur must be a whole score from 0 to ${definition.items.length}, not ${cesuur}`,
    );
  const source = request.source ?? request.angoff?.path;
  if (!source)
    throw new ReleaseError('say where the evidence is (--source), or give the Angoff study (--angoff)');

  const history = definition.cesuurVersions ?? [cesuurVersionOf(definition)];
  const version = nextMinor(definition.version);
  const twijfelzone = request.twijfelzone ?? definition.twijfelzone;
  const entry: CesuurVersion = {
    number: history.length + 1,
    label: request.label,
    cesuur,
    twijfelzone,
    status: request.status,
    releasedAt: request.releasedAt,
    method: request.method,
    source,
    ...(request.status === 'provisional' ? { reason: request.reason ?? DEFAULT_REASON } : {}),
    definitionVersion: version,
    ...(proposal ? { proposal } : {}),
  };
  const checked = TestDefinition.safeParse({
    ...definition,
    version,
    cesuur,
    twijfelzone,
    status: request.status,
    cesuurVersions: [...history, entry],
  });
  if (!checked.success) {
    throw new ReleaseError(
      checked.error.issues.map((i) => `${DEFINITION_FILE}: $.${i.path.join('.')}: ${i.message}`).join('\n'),
    );
  }
  const problems = cesuurHistoryProblems(checked.data);
  if (problems.length > 0)
    throw new ReleaseError(problems.map((p) => `${DEFINITION_FILE}: ${p.path}: ${p.message}`).join('\n'));

  writeDurably(definitionPath, Buffer.from(`${JSON.stringify(checked.data, null, 2)}\n`, 'utf8'));
  try {
    const signed = signPackage(root, request.pair);
    return { previous: { version: definition.version, packageHash: previousHash }, version: entry, signed };
  } catch (error) {
    // The old definition back, so the folder is again the package its old signature covers.
    writeDurably(definitionPath, before);
    throw error;
  }
}
