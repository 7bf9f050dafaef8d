import type { FamilyId, Instructions, Item, PracticeItem, TestDefinition } from '../items';
import { checkResponseFits } from './response-fit';

/**
 * The package content a session runs on. Built by the host from the loaded package (or by the server
 * from its copy); deliberately only src/shared item types, so the reducer needs no loader.
 */
export interface SessionContext {
  packageId: string;
  /** sha256 of the package's manifest.json: names exactly which signed content was used. */
  packageHash: string;
  definition: TestDefinition;
  items: readonly Item[];
  practice: readonly PracticeItem[];
  /** The instructions per language; the result records who or what spoke them (absent where no one asks). */
  instructions?: readonly Instructions[];
}

/** The context with its lookups resolved once, so each event is applied in constant time. */
export interface PreparedContext extends SessionContext {
  /** Scored items in presentation order. */
  ordered: readonly Item[];
  practiceOrdered: readonly PracticeItem[];
  itemIndex: ReadonlyMap<string, number>;
  practiceIndex: ReadonlyMap<string, number>;
  familyOf: (index: number) => FamilyId;
}

/**
 * Resolves the definition's item and practice ids. A package that reaches this point has passed the
 * loader, so a missing item or a key that does not fit its opgave is a programming error: it throws.
 */
export function prepareContext(context: SessionContext): PreparedContext {
  const byId = new Map(context.items.map((item) => [item.id, item]));
  const practiceById = new Map(context.practice.map((item) => [item.id, item]));
  const ordered = context.definition.items.map((id) => {
    const item = byId.get(id);
    if (!item)
      throw new Error(`Session context: test definition names item "${id}" that is not in the package.`);
    return item;
  });
  const practiceOrdered = context.definition.practice.map((id) => {
    const item = practiceById.get(id);
    if (!item) throw new Error(`Session context: practice item "${id}" is not in the package.`);
    return item;
  });
  for (const item of [...ordered, ...practiceOrdered]) {
    const problem = checkResponseFits(item.key, item.opgave);
    if (problem)
      throw new Error(`Session context: the key of "${item.id}" does not fit its opgave: ${problem}`);
  }
  if (new Set(context.definition.items).size !== ordered.length) {
    throw new Error('Session context: the test definition lists an item twice.');
  }
  return {
    ...context,
    ordered,
    practiceOrdered,
    itemIndex: new Map(ordered.map((item, index) => [item.id, index])),
    practiceIndex: new Map(practiceOrdered.map((item, index) => [item.id, index])),
    familyOf: (index) => ordered[index]!.family,
  };
}

/** Whether the item at `index` starts a new family block (so its family instruction comes first). */
export function startsFamily(context: PreparedContext, index: number): boolean {
  return index === 0 || context.familyOf(index) !== context.familyOf(index - 1);
}
