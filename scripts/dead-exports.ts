/**
 * Dead-export check (the role knip plays for Element): lists every exported symbol that no other file imports.
 * It exits 1 for one that nothing uses at all (dead code). One that only its own file uses is a dead `export`
 * keyword, not dead code: counted, and listed with --all, but not a failure yet (about 240 today, spread over
 * files under parallel work; tighten once they are fixed). Run by `npm run lint`:
 *
 *   tsx scripts/dead-exports.ts [--all]
 *
 * Uses the TypeScript compiler on tsconfig.json's files plus the .mjs entry files, so imports are followed as the
 * compiler resolves them (through barrels, aliases and `export *`). A namespace import, a dynamic `import()`, a
 * `require()` or a `typeof import()` of a module counts as a use of all its exports. An export used only inside
 * its own file is reported too: its `export` keyword is what is dead.
 */
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '..');

/**
 * Exports that nothing in the tree imports on purpose, as `path#name` → why. Keep this short: an entry needs a
 * consumer outside the TypeScript import graph.
 */
const ALLOWED = new Map<string, string>([
  ['vite.config.ts#default', 'read by Vite'],
  ['vite.electron.config.ts#default', 'read by Vite'],
  ['vite.review.config.ts#default', 'read by Vite'],
  ['vitest.config.ts#default', 'read by Vitest'],
  ['playwright.config.ts#default', 'read by Playwright'],
  ['test/electron/playwright.config.ts#default', 'read by Playwright (npm test, electron step)'],
]);

/** Files that are loaded by a tool or a process rather than imported; their exports are allowed as a whole. */
const ENTRY_FILES = [/^test\/.*\.(test|spec)\.tsx?$/, /\.config\.(ts|js|mjs)$/];

function entryMjsFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (['node_modules', 'out', '.git', 'fixtures'].includes(entry.name) || entry.name.startsWith('.'))
        continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.mjs')) found.push(path);
    }
  };
  for (const dir of ['bin', 'scripts', 'src']) walk(join(root, dir));
  return found;
}

function loadProgram(): ts.Program {
  const configPath = join(root, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  return ts.createProgram({
    rootNames: [...parsed.fileNames, ...entryMjsFiles()],
    options: { ...parsed.options, allowJs: true, checkJs: false },
  });
}

interface DeadExport {
  file: string;
  line: number;
  name: string;
  /** True when the file itself uses it: then only the `export` keyword is dead, not the code. */
  usedInFile: boolean;
}

/** Every export of the project's own files that no other file imports, minus ALLOWED. */
function findDeadExports(program: ts.Program = loadProgram()): DeadExport[] {
  const checker = program.getTypeChecker();
  const ownFiles = program
    .getSourceFiles()
    .filter((file) => !file.isDeclarationFile && !file.fileName.includes('/node_modules/'));
  const keyOf = (symbol: ts.Symbol): string | undefined => {
    const declaration = symbol.declarations?.[0];
    return declaration ? `${declaration.getSourceFile().fileName}:${declaration.pos}` : undefined;
  };
  const resolveAlias = (symbol: ts.Symbol): ts.Symbol =>
    symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;

  /** Declarations used from another file, by keyOf; and modules used as a whole. */
  const used = new Set<string>();
  const markSymbol = (symbol: ts.Symbol | undefined, fromFile: ts.SourceFile): void => {
    if (!symbol) return;
    const target = resolveAlias(symbol);
    const declaration = target.declarations?.[0];
    if (declaration && declaration.getSourceFile() !== fromFile) used.add(keyOf(target)!);
  };
  const markModule = (specifier: ts.Expression | undefined, fromFile: ts.SourceFile): void => {
    if (!specifier || !ts.isStringLiteralLike(specifier)) return;
    const moduleSymbol = checker.getSymbolAtLocation(specifier);
    if (!moduleSymbol) return;
    for (const exported of checker.getExportsOfModule(moduleSymbol)) markSymbol(exported, fromFile);
  };

  for (const file of ownFiles) {
    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node) && node.importClause) {
        const clause = node.importClause;
        if (clause.name) markSymbol(checker.getSymbolAtLocation(clause.name), file);
        const bindings = clause.namedBindings;
        if (bindings && ts.isNamespaceImport(bindings)) markModule(node.moduleSpecifier, file);
        if (bindings && ts.isNamedImports(bindings)) {
          for (const element of bindings.elements)
            markSymbol(checker.getSymbolAtLocation(element.name), file);
        }
      } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
        // `export * as ns from` hands the whole module on; a plain `export *` or `export { a } from` is followed
        // through by whoever imports the re-export.
        if (node.exportClause && ts.isNamespaceExport(node.exportClause))
          markModule(node.moduleSpecifier, file);
      } else if (ts.isCallExpression(node)) {
        const isDynamicImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
        const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
        if (isDynamicImport || isRequire) markModule(node.arguments[0], file);
      } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
        markModule(node.argument.literal as ts.Expression, file);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }

  const usedInOwnFile = (file: ts.SourceFile, target: ts.Symbol): boolean => {
    const key = keyOf(target);
    const names = new Set(
      (target.declarations ?? []).map((declaration) => ts.getNameOfDeclaration(declaration)),
    );
    let found = false;
    const visit = (node: ts.Node): void => {
      if (found) return;
      if (ts.isIdentifier(node) && node.text === target.name && !names.has(node)) {
        const symbol = checker.getSymbolAtLocation(node);
        if (symbol && keyOf(resolveAlias(checker.getExportSymbolOfSymbol(symbol))) === key) found = true;
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
    return found;
  };

  const dead: DeadExport[] = [];
  for (const file of ownFiles) {
    const path = relative(root, file.fileName);
    if (ENTRY_FILES.some((pattern) => pattern.test(path))) continue;
    const moduleSymbol = checker.getSymbolAtLocation(file);
    if (!moduleSymbol) continue;
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const target = resolveAlias(exported);
      const declaration = target.declarations?.[0];
      if (!declaration || declaration.getSourceFile() !== file) continue; // a re-export: judged where declared
      if (used.has(keyOf(target)!) || ALLOWED.has(`${path}#${exported.name}`)) continue;
      const line = file.getLineAndCharacterOfPosition(declaration.getStart()).line + 1;
      dead.push({ file: path, line, name: exported.name, usedInFile: usedInOwnFile(file, target) });
    }
  }
  return dead.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

const all = process.argv.includes('--all');
const found = findDeadExports();
const dead = found.filter((entry) => !entry.usedInFile);
const keywordOnly = found.filter((entry) => entry.usedInFile);
for (const { file, line, name } of dead) console.log(`${file}:${line}  ${name}  (used nowhere)`);
if (all)
  for (const { file, line, name } of keywordOnly)
    console.log(`${file}:${line}  ${name}  (used only in its file)`);
if (!all && keywordOnly.length > 0) {
  console.log(
    `dead-exports: ${keywordOnly.length} export(s) used only in their own file (--all lists them; not a failure).`,
  );
}
if (dead.length > 0) {
  console.error(
    `\n${dead.length} export(s) that nothing uses. Remove the code, or add it to ALLOWED in ` +
      'scripts/dead-exports.ts with the reason something outside the import graph needs it.',
  );
  process.exit(1);
}
console.log('dead-exports: every exported symbol is used.');
