/**
 * Moves each unit test beside the path of the source file it tests: a test of src/host/service-link/roster.ts
 * lives in test/unit/src/host/service-link/ (VS Code's one test folder per source folder).
 *
 *   tsx scripts/mirror-tests.ts                 dry run: print the plan (old → new, helpers, warnings)
 *   tsx scripts/mirror-tests.ts --plan FILE     dry run, writing the plan as Markdown to FILE
 *   tsx scripts/mirror-tests.ts --apply         move the files and rewrite their paths
 *
 * The main source file of a test is, in order: the entry for it in test/mirror-overrides.json (checked by
 * mirror-overrides.ts: a test may also be kept in place there); a file of the folder the test already sits in, if
 * it uses one (it was put there on purpose); an imported file named like the test; the command of a describe title
 * "lbt <command> …" (src/cli/commands/); a file a describe title names ("the journal key" → journal-key.ts); a
 * file sharing a 4-letter prefix with the test's name; else the file it uses most. Names are traced through
 * index.ts re-exports to the file declaring them (the type checker), and each use counts, so a test of
 * src/host/keys/journal-key.ts that imports from src/host/keys/index.ts is placed by the former. Names are
 * matched in the outermost layer the test itself uses (shells and tools, then src/host, src/server, renderer,
 * then src/shared), so a host test is not placed by a src/shared schema that shares its name. Uses made
 * through the test's helpers count at half weight and never decide the layer.
 * Helpers under test/unit (non-test files) move with their tests when every test importing them goes to the same
 * folder; a helper shared across folders that would be left alone in an emptied topic folder (unit/session/)
 * goes to test/support/<topic>-<name>; a data file only one moving test reaches through its own folder moves
 * beside it. Every relative import, vi.mock/importActual path and path built from the file's own
 * folder (`resolve(import.meta.dirname, '…')`, `join(__dirname, '…')`, `new URL('…', import.meta.url)`) is
 * rewritten, in moved files and in the files importing them. Safe and idempotent: a test already in place stays,
 * a move onto an existing file or onto another test's target is refused (listed, not done), and a second run
 * finds nothing to do. vitest.config.ts includes test/unit/**, so the moves need no config change.
 */
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmdirSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { format, resolveConfig } from 'prettier';
import ts from 'typescript';
import { readOverrides } from './mirror-overrides';

const root = resolve(import.meta.dirname, '..');
const UNIT = join(root, 'test/unit');
const SOURCE_ROOTS = ['src/', 'renderer/', 'electron/', 'chromium-host/', 'items/tools/', 'scripts/', 'bin/'];
/** Where the heuristic below is wrong: test → the source file it mirrors, or stay; each with a reason. */
const OVERRIDES = 'test/mirror-overrides.json';
const EXTENSIONS = ['', '.ts', '.tsx', '.mjs', '.js', '/index.ts', '/index.tsx'];

const rel = (path: string): string => relative(root, path).split(sep).join('/');

function walk(dir: string, keep: (name: string) => boolean, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'fixtures') walk(path, keep, out);
    } else if (keep(entry.name)) out.push(path);
  }
  return out;
}

function resolveFile(fromDir: string, specifier: string): string | null {
  for (const extension of EXTENSIONS) {
    const candidate = resolve(fromDir, specifier + extension);
    if (existsSync(candidate) && !readdirSafe(candidate)) return candidate;
  }
  return null;
}
const readdirSafe = (path: string): boolean => {
  try {
    readdirSync(path);
    return true;
  } catch {
    return false;
  }
};

/** A path-like string literal in a file, with whether it is a module specifier and whether only types use it. */
interface PathRef {
  start: number;
  end: number;
  text: string;
  kind: 'module' | 'folder-path';
  typeOnly: boolean;
}

const isOwnDir = (node: ts.Node): boolean => {
  const text = node.getText();
  return text === 'import.meta.dirname' || text === '__dirname' || text === 'import.meta.url';
};

/** The relative module specifiers and own-folder paths of a file. */
function pathRefs(file: string): { refs: PathRef[]; unhandledOwnDir: number } {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const refs: PathRef[] = [];
  let ownDirUses = 0;
  let handledOwnDir = 0;
  const add = (literal: ts.Node | undefined, kind: PathRef['kind'], typeOnly = false): void => {
    if (!literal || !ts.isStringLiteralLike(literal) || !literal.text.startsWith('.')) return;
    refs.push({
      start: literal.getStart() + 1,
      end: literal.getEnd() - 1,
      text: literal.text,
      kind,
      typeOnly,
    });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node))
      add(node.moduleSpecifier, 'module', node.importClause?.isTypeOnly ?? false);
    else if (ts.isExportDeclaration(node)) add(node.moduleSpecifier, 'module', node.isTypeOnly);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument))
      add(node.argument.literal, 'module', true);
    else if (ts.isCallExpression(node)) {
      const callee = node.expression.getText();
      if (
        node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        /^(vi\.(mock|doMock|importActual|unmock)|require)$/.test(callee)
      ) {
        add(node.arguments[0], 'module');
      } else if (callee === 'createRequire' && node.arguments[0] && isOwnDir(node.arguments[0])) {
        // The require it makes resolves packages; its relative calls are rewritten as `require` above.
        handledOwnDir += 1;
      } else if (/(^|\.)(resolve|join)$/.test(callee) && node.arguments[0] && isOwnDir(node.arguments[0])) {
        handledOwnDir += 1;
        for (const argument of node.arguments.slice(1)) add(argument, 'folder-path');
      }
    } else if (
      ts.isNewExpression(node) &&
      node.expression.getText() === 'URL' &&
      node.arguments?.[1] &&
      isOwnDir(node.arguments[1])
    ) {
      handledOwnDir += 1;
      add(node.arguments[0], 'folder-path');
    }
    if (
      (ts.isIdentifier(node) && node.text === '__dirname') ||
      (ts.isPropertyAccessExpression(node) && ts.isMetaProperty(node.expression))
    ) {
      ownDirUses += 1;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { refs, unhandledOwnDir: Math.max(0, ownDirUses - handledOwnDir) };
}

/**
 * A folder of the old layout named for a topic (unit/session/, unit/outbox/): neither a mirror of a folder of
 * the repository (unit/src/host/, unit/renderer/, unit/items/) nor unit/lint/ or the unit root.
 */
function isTopicFolder(dir: string): boolean {
  const folder = relative(UNIT, dir).split(sep).join('/');
  if (folder === '' || folder === 'lint' || folder.startsWith('lint/')) return false;
  return !existsSync(join(root, folder));
}

interface Move {
  from: string;
  to: string;
  main: string | null;
  why: string;
}

/** Outer layers first: a test importing chromium-host and src/host tests the Chromium host. */
const LAYER_RANK = (path: string): number =>
  path.startsWith('src/shared/') ? 2 : /^(src\/host|src\/server|renderer)\//.test(path) ? 1 : 0;

const isSource = (path: string): boolean => SOURCE_ROOTS.some((prefix) => path.startsWith(prefix));
const isHelper = (path: string): boolean => path.startsWith('test/unit/') && !/\.test\.tsx?$/.test(path);

/** Source files a file imports, directly or through the test helpers it imports. */
function sourceImports(file: string, seen = new Set<string>()): Array<{ path: string; typeOnly: boolean }> {
  seen.add(file);
  const out: Array<{ path: string; typeOnly: boolean }> = [];
  for (const ref of pathRefs(file).refs.filter((entry) => entry.kind === 'module')) {
    const target = resolveFile(dirname(file), ref.text);
    if (!target) continue;
    const path = rel(target);
    if (isSource(path)) out.push({ path, typeOnly: ref.typeOnly });
    else if (path.startsWith('test/unit/') && !seen.has(target) && /\.tsx?$/.test(target)) {
      out.push(...sourceImports(target, seen));
    }
  }
  return out;
}

/** One program over every unit test, so a name imported through an index.ts is traced to the file declaring it. */
let program: ts.Program | null = null;
function tsProgram(): ts.Program {
  if (program) return program;
  const config = ts.readConfigFile(join(root, 'tsconfig.json'), (path) => ts.sys.readFile(path));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const files = walk(UNIT, (name) => /\.tsx?$/.test(name));
  program = ts.createProgram({ rootNames: files, options: parsed.options });
  return program;
}

const inTypePosition = (node: ts.Node): boolean => {
  for (let at: ts.Node | undefined = node.parent; at; at = at.parent) {
    if (ts.isTypeNode(at)) return true;
    if (ts.isStatement(at) || ts.isExpression(at)) return false;
  }
  return false;
};

type Usage = Map<string, { value: number; type: number; direct: boolean }>;

/**
 * How often a file uses each source file, counted at the file that declares what it names: every use of an
 * imported binding, and every method called on a value (`journal.append(…)` counts for the journal's own file).
 * Helpers under test/unit that the file uses add their own counts at half weight.
 */
function usage(file: string, seen = new Set<string>()): Usage {
  seen.add(resolve(file));
  const checker = tsProgram().getTypeChecker();
  const source = tsProgram().getSourceFile(file);
  const counts: Usage = new Map();
  const add = (path: string, value: number, type: number, direct = true): void => {
    const entry = counts.get(path) ?? { value: 0, type: 0, direct: false };
    counts.set(path, { value: entry.value + value, type: entry.type + type, direct: entry.direct || direct });
  };
  if (!source) return counts;
  const helpers = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (ts.isIdentifier(node)) {
      const parent = node.parent;
      const member = ts.isPropertyAccessExpression(parent) && parent.name === node;
      const called = member && ts.isCallExpression(parent.parent) && parent.parent.expression === parent;
      let symbol = checker.getSymbolAtLocation(node);
      if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
      const declared = symbol?.declarations?.[0]?.getSourceFile().fileName;
      if (declared && (!member || called)) {
        const path = rel(declared);
        if (isSource(path)) add(path, inTypePosition(node) ? 0 : 1, inTypePosition(node) ? 1 : 0);
        else if (isHelper(path)) helpers.add(resolve(declared));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  for (const helper of helpers) {
    if (seen.has(helper)) continue;
    for (const [path, entry] of usage(helper, seen)) add(path, entry.value / 2, entry.type / 2, false);
  }
  return counts;
}

/** The titles of a test's describe blocks (`describe.each(…)('… on %s')` too), in order. */
function describeTitles(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const titles: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      /^describe\b/.test(node.expression.getText()) &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      titles.push(node.arguments[0].text.replace(/%[sidj]/g, ''));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return titles;
}

const describeWords = (file: string): Set<string> => new Set(describeTitles(file).flatMap(splitWords));

/** "lbt items verify on a bank" → src/cli/commands/items-verify.ts: the first describe title naming a command. */
function cliCommand(test: string): string | null {
  for (const title of describeTitles(test)) {
    const words = /^lbt ([a-z]+)(?: ([a-z]+))?/.exec(title);
    if (!words) continue;
    for (const name of [words.slice(1, 3).join('-'), words[1]]) {
      const path = `src/cli/commands/${name}.ts`;
      if (existsSync(join(root, path))) return path;
    }
  }
  return null;
}

/** `kiosk-reset-lockouts.ts`, `SceneView.tsx`, "the SceneView cue" → lower-case words. */
const splitWords = (text: string): string[] =>
  text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

const stemOf = (path: string): string => basename(path).replace(/\.(tsx?|mjs|js)$/, '');
const GENERIC = new Set(['index', 'types', 'schema', 'schemas']);

function mainSource(test: string): { main: string | null; why: string } {
  const counts = usage(test);
  // Files imported directly count too: a test that only starts a process still names the module it imports.
  for (const entry of sourceImports(test)) {
    if (!counts.has(entry.path)) counts.set(entry.path, { value: 0, type: 0, direct: false });
  }
  const all = [...counts.entries()].map(([path, entry]) => ({ path, ...entry }));
  const values = all.filter((entry) => entry.value > 0);
  const pool = values.length > 0 ? values : all;
  if (pool.length === 0) return { main: null, why: 'imports no source file' };
  const stem = basename(test).replace(/\.test\.tsx?$/, '');
  // A test already in the folder of a file it uses was put there on purpose.
  const folder = relative(UNIT, dirname(test)).split(sep).join('/');
  const inFolder = all.filter((entry) => dirname(entry.path) === folder);
  const here = inFolder.find((entry) => stemOf(entry.path) === stem) ?? inFolder[0];
  if (here) return { main: here.path, why: 'already in the folder of a file it uses' };
  // Names are matched in the outermost layer the test uses: outbox-state.test.ts drives the host's outbox, not
  // the src/shared schema of the same name.
  // A helper's imports do not decide the layer (device/sample-facts.ts builds host facts for shared tests).
  const own = pool.some((entry) => entry.direct) ? pool.filter((entry) => entry.direct) : pool;
  const outer = Math.min(...own.map((entry) => LAYER_RANK(entry.path)));
  const near = pool.filter((entry) => LAYER_RANK(entry.path) === outer);
  const exact = near.find(
    (entry) =>
      stemOf(entry.path) === stem ||
      (stemOf(entry.path) === 'index' && basename(dirname(entry.path)) === stem),
  );
  if (exact) return { main: exact.path, why: 'named like the test' };
  // A describe title naming a file the test uses: "the journal key" → journal-key.ts.
  const titles = describeWords(test);
  const command = cliCommand(test);
  if (command) return { main: command, why: 'its describe title runs this lbt command' };
  const titled = near
    .filter((entry) => !GENERIC.has(stemOf(entry.path)))
    .map((entry) => ({ ...entry, words: splitWords(stemOf(entry.path)) }))
    .filter((entry) => entry.words.every((word) => titles.has(word)))
    .sort((a, b) => b.words.length - a.words.length || b.value - a.value)[0];
  if (titled) return { main: titled.path, why: 'named in a describe title' };
  const prefixLength = (a: string, b: string) => {
    let n = 0;
    while (n < a.length && a[n] === b[n]) n += 1;
    return n;
  };
  const byPrefix = [...near].sort(
    (a, b) => prefixLength(stemOf(b.path), stem) - prefixLength(stemOf(a.path), stem),
  )[0]!;
  if (prefixLength(stemOf(byPrefix.path), stem) >= 4)
    return { main: byPrefix.path, why: 'name shares a prefix with the test' };
  // Else the file it uses most, outer layers first (nearly every test uses src/shared).
  const used = [...pool].sort(
    (a, b) => LAYER_RANK(a.path) - LAYER_RANK(b.path) || b.value - a.value || b.type - a.type,
  )[0]!;
  return { main: used.path, why: `the file it uses most (${used.value || used.type})` };
}

interface Plan {
  moves: Move[];
  helpers: Array<{ from: string; to: string }>;
  stays: Array<{ file: string; why: string }>;
  refused: Array<{ from: string; to: string; why: string }>;
  warnings: string[];
}

function plan(): Plan {
  const tests = walk(UNIT, (name) => /\.test\.tsx?$/.test(name)).sort();
  const result: Plan = { moves: [], helpers: [], stays: [], refused: [], warnings: [] };
  const targets = new Map<string, string>();
  const overrides = readOverrides(root, OVERRIDES);
  const placed = new Map([...overrides.mirror.values()].map((entry) => [entry.target, entry]));
  for (const test of tests) {
    const stay = overrides.stay.get(rel(test));
    if (stay !== undefined) {
      result.stays.push({ file: rel(test), why: `${OVERRIDES}: ${stay}` });
      continue;
    }
    const override = overrides.mirror.get(rel(test)) ?? placed.get(rel(test));
    const { main, why } = override
      ? { main: override.source, why: `${OVERRIDES}: ${override.why}` }
      : mainSource(test);
    if (!main) {
      result.stays.push({ file: rel(test), why });
      continue;
    }
    const to = override ? join(root, override.target) : join(UNIT, dirname(main), basename(test));
    if (to === test) {
      result.stays.push({ file: rel(test), why: 'already mirrors ' + main });
      continue;
    }
    if (existsSync(to) || targets.has(to)) {
      result.refused.push({
        from: rel(test),
        to: rel(to),
        why: existsSync(to) ? 'target exists' : `also the target of ${targets.get(to)}`,
      });
      continue;
    }
    targets.set(to, rel(test));
    result.moves.push({ from: rel(test), to: rel(to), main, why });
  }
  // Helpers move with their tests when all of those tests go to one folder.
  const movedTo = new Map(result.moves.map((move) => [move.from, move.to]));
  const helpers = walk(UNIT, (name) => /\.(tsx?|mjs)$/.test(name) && !/\.test\.tsx?$/.test(name));
  const allTests = walk(UNIT, (name) => /\.test\.tsx?$/.test(name));
  for (const helper of helpers.sort()) {
    const importers = [...allTests, ...helpers].filter((file) =>
      pathRefs(file).refs.some(
        (ref) => ref.kind === 'module' && resolveFile(dirname(file), ref.text) === helper,
      ),
    );
    const testImporters = importers.filter((file) => /\.test\.tsx?$/.test(file));
    const folders = new Set(testImporters.map((file) => dirname(movedTo.get(rel(file)) ?? rel(file))));
    const helperImporters = importers.filter((file) => !/\.test\.tsx?$/.test(file));
    const together = folders.size === 1 && helperImporters.length === 0 && testImporters.length > 0;
    // A helper shared across folders that would be left alone in an emptied topic folder (unit/session/)
    // goes to test/support/, named with its old folder: unit/session/fixture.ts → support/session-fixture.ts.
    const topic = relative(UNIT, dirname(helper)).split(sep).join('-');
    if (!together && !isTopicFolder(dirname(helper))) continue;
    const to = together
      ? join(root, [...folders][0]!, basename(helper))
      : join(root, 'test/support', topic === 'support' ? basename(helper) : `${topic}-${basename(helper)}`);
    if (to === helper) continue;
    if (existsSync(to) || targets.has(to)) {
      result.refused.push({ from: rel(helper), to: rel(to), why: 'helper target exists' });
      continue;
    }
    targets.set(to, rel(helper));
    result.helpers.push({ from: rel(helper), to: rel(to) });
  }
  // Data files a moving test alone reaches through its own folder (`new URL('./fixtures/x.mjs', import.meta.url)`)
  // keep their place beside it.
  const reached = new Map<string, string[]>();
  for (const file of [...allTests, ...helpers]) {
    for (const ref of pathRefs(file).refs) {
      const target = resolve(dirname(file), ref.text);
      if (target.startsWith(UNIT + sep) && existsSync(target) && !readdirSafe(target))
        reached.set(target, [...(reached.get(target) ?? []), file]);
    }
  }
  const movingFiles = new Set([...result.moves, ...result.helpers].map((move) => join(root, move.from)));
  for (const move of result.moves) {
    const test = join(root, move.from);
    for (const [data, users] of reached) {
      if (movingFiles.has(data) || users.some((user) => user !== test)) continue;
      const to = join(root, dirname(move.to), relative(dirname(test), data));
      if (existsSync(to) || targets.has(to)) {
        result.refused.push({ from: rel(data), to: rel(to), why: 'data target exists' });
        continue;
      }
      targets.set(to, rel(data));
      result.helpers.push({ from: rel(data), to: rel(to) });
    }
  }
  for (const move of [...result.moves, ...result.helpers]) {
    if (!/\.(tsx?|mjs)$/.test(move.from)) continue;
    const { unhandledOwnDir } = pathRefs(join(root, move.from));
    if (unhandledOwnDir > 0) {
      result.warnings.push(
        `${move.from}: ${unhandledOwnDir} use(s) of its own folder outside resolve/join/new URL; check by hand`,
      );
    }
  }
  return result;
}

/** Rewrites every relative path in `file` (now at `newPath`, formerly at `oldPath`) for the moves in `moved`. */
function rewrite(file: string, oldPath: string, newPath: string, moved: Map<string, string>): string {
  const text = readFileSync(file, 'utf8');
  const { refs } = pathRefs(file);
  let out = '';
  let at = 0;
  for (const ref of refs) {
    const oldTarget =
      ref.kind === 'module' ? resolveFile(dirname(oldPath), ref.text) : resolve(dirname(oldPath), ref.text);
    if (!oldTarget) continue;
    const newTarget = moved.get(oldTarget) ?? oldTarget;
    const suffix = ref.kind === 'module' ? oldTarget.slice(resolve(dirname(oldPath), ref.text).length) : '';
    const base = newTarget.slice(0, newTarget.length - suffix.length);
    let spec = relative(dirname(newPath), base).split(sep).join('/');
    if (!spec.startsWith('.')) spec = './' + spec;
    if (ref.text.endsWith('/') && !spec.endsWith('/')) spec += '/';
    out += text.slice(at, ref.start) + spec;
    at = ref.end;
  }
  return out + text.slice(at);
}

/** Longer or shorter paths change line lengths: every file the move wrote is formatted as `npm run lint` wants. */
async function formatWritten(files: string[]): Promise<void> {
  for (const file of files) {
    const options = await resolveConfig(file);
    const text = readFileSync(file, 'utf8');
    const formatted = await format(text, { ...options, filepath: file });
    if (formatted !== text) writeFileSync(file, formatted);
  }
}

/** Folders the move emptied (unit/session/ …), innermost first. */
function removeEmptied(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) removeEmptied(join(dir, entry.name));
  }
  if (dir !== UNIT && readdirSync(dir).length === 0) rmdirSync(dir);
}

async function apply(result: Plan): Promise<void> {
  const moved = new Map<string, string>(
    [...result.moves, ...result.helpers].map((move) => [join(root, move.from), join(root, move.to)]),
  );
  // Every file that may import a moved file: all of test/ (nothing else may import test code).
  // A code file moved as data (fixtures/crashing-check-thread.mjs) still has relative imports to rewrite.
  const files = walk(join(root, 'test'), (name) => /\.(tsx?|mjs)$/.test(name));
  for (const file of moved.keys()) if (/\.(tsx?|mjs)$/.test(file) && !files.includes(file)) files.push(file);
  const contents = new Map<string, string>();
  for (const file of files) {
    const newPath = moved.get(file) ?? file;
    const updated = rewrite(file, file, newPath, moved);
    if (updated !== readFileSync(file, 'utf8') || moved.has(file)) contents.set(file, updated);
  }
  for (const [file, text] of contents) {
    const newPath = moved.get(file) ?? file;
    if (newPath !== file && existsSync(newPath)) throw new Error(`refusing to overwrite ${rel(newPath)}`);
    mkdirSync(dirname(newPath), { recursive: true });
    writeFileSync(file, text);
    if (newPath !== file) renameSync(file, newPath);
  }
  await formatWritten([...contents.keys()].map((file) => moved.get(file) ?? file));
  // Other data files move byte for byte.
  for (const [from, to] of moved) {
    if (contents.has(from) || !existsSync(from)) continue;
    if (existsSync(to)) throw new Error(`refusing to overwrite ${rel(to)}`);
    mkdirSync(dirname(to), { recursive: true });
    renameSync(from, to);
  }
  removeEmptied(UNIT);
}

function markdown(result: Plan): string {
  const lines = [
    '# Test mirror plan',
    '',
    'Output of `npx tsx scripts/mirror-tests.ts --plan test/MIRROR-PLAN.md` (a dry run). `--apply` performs it:',
    'run it once, after the parallel branches have merged, then `npx tsc -p tsconfig.json`, `npx eslint test`,',
    '`npx prettier --check test` and `npx vitest run` (test/README.md). Where a guess below is wrong, add an entry',
    'to `test/mirror-overrides.json` (the test, the source file it mirrors, why) and run the dry run again.',
    '',
    `${result.moves.length} tests move, ${result.helpers.length} helpers move with them, ${result.stays.length} stay, ${result.refused.length} refused.`,
    '',
    '## Tests',
    '',
    '| from | to | main source file | why |',
    '| ---- | -- | ---------------- | --- |',
    ...result.moves.map((move) => `| ${move.from} | ${move.to} | ${move.main} | ${move.why} |`),
    '',
    '## Helpers moving with their tests',
    '',
    '| from | to |',
    '| ---- | -- |',
    ...result.helpers.map((move) => `| ${move.from} | ${move.to} |`),
    '',
    '## Staying',
    '',
    ...result.stays.map((stay) => `- ${stay.file}: ${stay.why}`),
    '',
    '## Refused',
    '',
    ...(result.refused.length ? result.refused.map((r) => `- ${r.from} → ${r.to}: ${r.why}`) : ['none']),
    '',
    '## Warnings',
    '',
    ...(result.warnings.length ? result.warnings.map((warning) => `- ${warning}`) : ['none']),
    '',
  ];
  return lines.join('\n');
}

const args = process.argv.slice(2);
const result = plan();
const planIndex = args.indexOf('--plan');
if (planIndex >= 0) {
  const file = resolve(args[planIndex + 1]!);
  writeFileSync(file, await format(markdown(result), { ...(await resolveConfig(file)), filepath: file }));
} else console.log(markdown(result));
if (args.includes('--apply')) {
  await apply(result);
  console.log(`Moved ${result.moves.length} tests and ${result.helpers.length} helpers.`);
}
