import {
  FamilyId,
  type Instructions,
  type PracticeItem,
  TestDefinition,
} from '../../../src/shared/items/index';
import { buildKlankenTekens } from '../families/klanken-tekens';
import { buildRegelsZien } from '../families/regels-zien';
import { buildWoordenLeren } from '../families/woorden-leren';
import { buildWoordvormen } from '../families/woordvormen';
import { buildZinnenBouwen } from '../families/zinnen-bouwen';
import { buildInstructions } from '../instructions/build';
import { buildPractice } from '../practice';
import { type BuiltItem, PositionPlanner } from './kit';
import { Registry } from './registry';

export interface BuiltPackage {
  definition: TestDefinition;
  /** In presentation order: by family, easy to hard. */
  built: BuiltItem[];
  practice: PracticeItem[];
  instructions: Instructions[];
  /** Every picture and sound the above refer to. */
  reg: Registry;
}

/** Builds the whole package in memory (no files, no speech): used by generate.ts and by the drift test. */
export function buildPackage(): BuiltPackage {
  const reg = new Registry();
  // One planner for the whole bank, so key positions are balanced across families, not only within one.
  const plan = new PositionPlanner();
  const byFamily: Record<FamilyId, BuiltItem[]> = {
    'woorden-leren': buildWoordenLeren(reg, plan),
    'zinnen-bouwen': buildZinnenBouwen(reg),
    woordvormen: buildWoordvormen(reg, plan),
    'klanken-tekens': buildKlankenTekens(reg),
    'regels-zien': buildRegelsZien(reg, plan),
  };
  const practice = buildPractice(reg);
  const instructions = buildInstructions(reg);
  const built = FamilyId.options.flatMap((f) => byFamily[f]);
  const definition = TestDefinition.parse({
    schema: 'lbt.test-definition/1',
    id: 'lbt-referentie',
    version: '2.1.0',
    title: 'LBT referentiepakket (eigen werk, niet de operationele toets)',
    items: built.map((b) => b.item.id),
    practice: practice.map((p) => p.id),
    families: FamilyId.options,
    cesuur: 28,
    // Product decisions, documented in docs/ITEMS.md: the research reports give no twijfelzone or time limit.
    twijfelzone: { below: 2, above: 2 },
    timePolicy: { maxMinutes: null, fastAnswerMs: 1500 },
    languages: instructions.map((i) => i.language),
    allowBack: false,
    // Nobody has calibrated these items: a pilot gives no advice (issue 19). The 28 only holds the place until
    // a standard-setting study releases a cesuur for this package (`lbt definition release`).
    status: 'pilot',
    cesuurVersions: [
      {
        number: 1,
        label: 'landelijke cesuur als plaatshouder',
        cesuur: 28,
        twijfelzone: { below: 2, above: 2 },
        status: 'pilot',
        releasedAt: '2026-12-07',
        method: 'geen: de items zijn nog niet gekalibreerd',
        source: 'landelijke cesuur (hoort bij de operationele LBT, niet bij dit pakket)',
        definitionVersion: '2.1.0',
      },
    ],
  });
  return { definition, built, practice, instructions, reg };
}
