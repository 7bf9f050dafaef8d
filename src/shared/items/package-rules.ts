/**
 * Cross-file rules of an item package, over already-parsed files: what a schema of one file cannot see
 * (ids that must exist elsewhere, keys that must fit their scene, paths that must be in the manifest).
 * Pure, so the loader, the CLI and tests share one copy.
 */
import type { AudioProvenance } from './audio-provenance';
import { checkBankRules } from './bank-rules';
import { cesuurHistoryProblems } from './definition-status';
import { checkInstructionAudio } from './instruction-audio-rules';
import type { Instructions } from './instructions';
import type { Item, PracticeItem, Scene, Visual } from './item';
import { jsonPath, type PackageProblem } from './problem';
import type { Response } from './response';
import type { TestDefinition } from './test-definition';

export interface Parsed<T> {
  /** Path inside the package, e.g. `bank/woordvormen/wv-03.json`. */
  file: string;
  value: T;
}

export interface PackageFiles {
  definition: Parsed<TestDefinition>;
  items: readonly Parsed<Item>[];
  practice: readonly Parsed<PracticeItem>[];
  instructions: readonly Parsed<Instructions>[];
  /** Every path listed in manifest.json. */
  manifestFiles: ReadonlySet<string>;
  /** manifest.json's `provenance` (absent in packages signed before 2.0.0, which then fail the audio rules). */
  manifestProvenance?: Readonly<Record<string, AudioProvenance>> | undefined;
}

type Report = (file: string, path: string, message: string) => void;

export function checkPackageRules(files: PackageFiles): PackageProblem[] {
  const problems: PackageProblem[] = [];
  const report: Report = (file, path, message) => problems.push({ file, path, message });
  checkFileNames(files, report);
  checkDefinitionIds(files, report);
  for (const p of cesuurHistoryProblems(files.definition.value))
    report(files.definition.file, p.path, p.message);
  checkFamilies(files, report);
  // Scored and practice items alike: the voorbeeld (a practice item may have none) with the answer the hand shows,
  // and the opgave with its key.
  for (const { file, value } of [...files.items, ...files.practice]) {
    if (value.voorbeeld) {
      const { answer } = value.voorbeeld;
      checkScene(value.voorbeeld, answer, '$.voorbeeld', '$.voorbeeld.answer', file, report, files);
    }
    checkScene(value.opgave, value.key, '$.opgave', '$.key', file, report, files);
  }
  for (const { file, value } of files.instructions) {
    for (const [key, text] of Object.entries(value.texts)) {
      if (text.audio) checkListed(text.audio, file, jsonPath(['texts', key, 'audio']), report, files);
    }
  }
  checkInstructionAudio(files.instructions, files.manifestProvenance, report);
  problems.push(...checkBankRules(files));
  return problems;
}

/** bank/<family>/<id>.json, practice/<id>.json, instructions/<language>.json: a file's name says what it holds. */
function checkFileNames(files: PackageFiles, report: Report): void {
  for (const { file, value } of files.items) {
    const expected = `bank/${value.family}/${value.id}.json`;
    if (file !== expected)
      report(file, '$.id', `item "${value.id}" of family "${value.family}" belongs in ${expected}`);
  }
  for (const { file, value } of files.practice) {
    const expected = `practice/${value.id}.json`;
    if (file !== expected) report(file, '$.id', `practice item "${value.id}" belongs in ${expected}`);
  }
  for (const { file, value } of files.instructions) {
    const expected = `instructions/${value.language}.json`;
    if (file !== expected)
      report(file, '$.language', `instructions for "${value.language}" belong in ${expected}`);
  }
}

function checkDefinitionIds(files: PackageFiles, report: Report): void {
  const { file: defFile, value: def } = files.definition;
  const itemFiles = groupFiles(files.items);
  const practiceFiles = groupFiles(files.practice);
  for (const [id, paths] of [...itemFiles, ...practiceFiles]) {
    if (paths.length > 1)
      report(paths[1]!, '$.id', `id "${id}" is also used by ${paths[0]}; ids must be unique`);
  }
  for (const id of itemFiles.keys()) {
    if (practiceFiles.has(id))
      report(practiceFiles.get(id)![0]!, '$.id', `id "${id}" is both a scored and a practice item`);
  }
  const listed = (ids: readonly string[], field: string, pool: Map<string, string[]>, what: string) => {
    const seen = new Set<string>();
    ids.forEach((id, index) => {
      if (seen.has(id)) report(defFile, `$.${field}[${index}]`, `"${id}" is listed twice`);
      seen.add(id);
      if (!pool.has(id)) report(defFile, `$.${field}[${index}]`, `no ${what} with id "${id}" in the package`);
    });
    for (const [id, paths] of pool) {
      if (!seen.has(id)) report(paths[0]!, '$.id', `"${id}" is not listed in ${defFile} $.${field}`);
    }
  };
  listed(def.items, 'items', itemFiles, 'scored item (bank/<family>/<id>.json)');
  listed(def.practice, 'practice', practiceFiles, 'practice item (practice/<id>.json)');
  const languages = new Set(files.instructions.map(({ value }) => value.language));
  def.languages.forEach((language, index) => {
    if (!languages.has(language))
      report(defFile, `$.languages[${index}]`, `no instructions/${language}.json for language "${language}"`);
  });
}

/** The definition's family order must match the order in which the items' families appear. */
function checkFamilies(files: PackageFiles, report: Report): void {
  const { file: defFile, value: def } = files.definition;
  const familyOf = new Map(files.items.map(({ value }) => [value.id, value.family]));
  const runs: string[] = [];
  def.items.forEach((id, index) => {
    const family = familyOf.get(id);
    if (!family) return;
    if (!def.families.includes(family)) {
      report(
        defFile,
        `$.items[${index}]`,
        `item "${id}" is of family "${family}", which $.families does not list`,
      );
    }
    if (runs[runs.length - 1] !== family) {
      if (runs.includes(family))
        report(defFile, `$.items[${index}]`, `items of family "${family}" must be consecutive`);
      runs.push(family);
    }
  });
  def.families.forEach((family, index) => {
    if (def.families.indexOf(family) !== index)
      report(defFile, `$.families[${index}]`, `family "${family}" is listed twice`);
    else if (!runs.includes(family))
      report(defFile, `$.families[${index}]`, `family "${family}" has no items in $.items`);
  });
  const inOrder = def.families.filter((family) => runs.includes(family));
  const firstRuns = runs.filter((family, index) => runs.indexOf(family) === index);
  if (inOrder.join() !== firstRuns.join()) {
    report(
      defFile,
      '$.families',
      `order ${def.families.join(', ')} does not match the items' order ${firstRuns.join(', ')}`,
    );
  }
}

function checkScene(
  scene: Scene,
  answer: Response,
  scenePath: string,
  answerPath: string,
  file: string,
  report: Report,
  files: PackageFiles,
): void {
  const interaction = scene.interaction;
  const visuals: [Visual, string][] = scene.context.map((visual, i) => [
    visual,
    `${scenePath}.context[${i}]`,
  ]);
  const inter = `${scenePath}.interaction`;
  if (interaction.kind === 'choose')
    interaction.options.forEach((v, i) => visuals.push([v, `${inter}.options[${i}]`]));
  if (interaction.kind === 'order')
    interaction.tiles.forEach((v, i) => visuals.push([v, `${inter}.tiles[${i}]`]));
  if (interaction.kind === 'place') {
    visuals.push([interaction.token, `${inter}.token`]);
    interaction.targets.forEach((v, i) => visuals.push([v, `${inter}.targets[${i}]`]));
  }
  const seen = new Map<string, string>();
  for (const [visual, path] of visuals) {
    const earlier = seen.get(visual.id);
    if (earlier) report(file, `${path}.id`, `id "${visual.id}" is already used at ${earlier} in this scene`);
    else seen.set(visual.id, path);
    checkListed(visual.image, file, `${path}.image`, report, files);
    if (visual.audio) checkListed(visual.audio, file, `${path}.audio`, report, files);
  }
  if (scene.prompt) checkListed(scene.prompt, file, `${scenePath}.prompt`, report, files);

  if (answer.kind !== interaction.kind) {
    report(
      file,
      `${answerPath}.kind`,
      `expected "${interaction.kind}" to match ${inter}.kind, found "${answer.kind}"`,
    );
    return;
  }
  if (answer.kind === 'choose' && interaction.kind === 'choose') {
    const ids = interaction.options.map((o) => o.id);
    if (!ids.includes(answer.optionId)) {
      report(
        file,
        `${answerPath}.optionId`,
        `"${answer.optionId}" is not one of the options (${ids.join(', ')})`,
      );
    }
  } else if (answer.kind === 'place' && interaction.kind === 'place') {
    const ids = interaction.targets.map((t) => t.id);
    if (!ids.includes(answer.targetId)) {
      report(
        file,
        `${answerPath}.targetId`,
        `"${answer.targetId}" is not one of the targets (${ids.join(', ')})`,
      );
    }
  } else if (answer.kind === 'order' && interaction.kind === 'order') {
    const ids = interaction.tiles.map((t) => t.id);
    if (answer.sequence.length !== interaction.slots) {
      report(
        file,
        `${answerPath}.sequence`,
        `expected ${interaction.slots} entries (${inter}.slots), found ${answer.sequence.length}`,
      );
    }
    const used = new Set<string>();
    answer.sequence.forEach((id, i) => {
      if (id === null)
        report(
          file,
          `${answerPath}.sequence[${i}]`,
          'expected a tile id, found null (a complete answer fills every slot)',
        );
      else if (!ids.includes(id))
        report(file, `${answerPath}.sequence[${i}]`, `"${id}" is not one of the tiles (${ids.join(', ')})`);
      else if (used.has(id))
        report(file, `${answerPath}.sequence[${i}]`, `tile "${id}" is used twice; each tile fills one slot`);
      if (id !== null) used.add(id);
    });
  }
}

function checkListed(path: string, file: string, at: string, report: Report, files: PackageFiles): void {
  if (!files.manifestFiles.has(path)) report(file, at, `"${path}" is not a file listed in manifest.json`);
}

function groupFiles<T extends { id: string }>(parsed: readonly Parsed<T>[]): Map<string, string[]> {
  const byId = new Map<string, string[]>();
  for (const { file, value } of parsed) byId.set(value.id, [...(byId.get(value.id) ?? []), file]);
  return byId;
}
