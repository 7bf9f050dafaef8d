import { loadPackage, type LoadedPackage } from '../../src/host/items/loader';
import { defaultTrustedPublishersFile, readTrustPolicy } from '../../src/host/items/trust';
import { paths } from '../../src/host/paths';
import { operationalPackageDir } from './operational-package';
import { formatProblem, type Item, type Response, type TestDefinition } from '../../src/shared/items';

export interface ScoringPackage {
  dir: string;
  definition: TestDefinition;
  items: Item[];
  loaded: LoadedPackage;
}

/**
 * The package the CLI tests score against: the real reference package in items/, or (`operational`, the default,
 * since the tests are about advice and items/ is a pilot that gives none) a copy of it released as operational.
 * If it does not verify, these tests fail with its problems: scoring a stand-in would hide exactly what they are
 * here to catch.
 */
export function scoringPackage(options: { operational?: boolean } = {}): ScoringPackage {
  const dir = options.operational === false ? paths.items : operationalPackageDir().dir;
  const result = loadPackage(dir, readTrustPolicy(defaultTrustedPublishersFile, true));
  if (!result.ok) {
    throw new Error(`${dir} does not verify:\n${result.problems.map(formatProblem).join('\n')}`);
  }
  const definition = result.package.definition;
  return {
    dir,
    definition,
    items: definition.items.map((id) => result.package.items.get(id)!),
    loaded: result.package,
  };
}

/** A complete answer that is not the key: another option or target, or the key's tiles rotated by one. */
export function wrongResponse(item: Item): Response {
  const { key, opgave } = item;
  const spec = opgave.interaction;
  if (key.kind === 'choose' && spec.kind === 'choose') {
    return { kind: 'choose', optionId: spec.options.find((option) => option.id !== key.optionId)!.id };
  }
  if (key.kind === 'place' && spec.kind === 'place') {
    return { kind: 'place', targetId: spec.targets.find((target) => target.id !== key.targetId)!.id };
  }
  if (key.kind === 'order') return { kind: 'order', sequence: [...key.sequence.slice(1), key.sequence[0]!] };
  throw new Error(`item ${item.id}: key and interaction disagree`);
}

/** Responses with the first `right` items answered correctly and every other item answered wrongly. */
export function responsesWith(pkg: ScoringPackage, right: number): Record<string, Response | null> {
  return Object.fromEntries(
    pkg.items.map((item, index) => [item.id, index < right ? item.key : wrongResponse(item)]),
  );
}
