import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { z } from 'zod';
import type { LanguageCode } from '../../shared/items/ids';
import { Instructions } from '../../shared/items/instructions';
import { Item, PracticeItem } from '../../shared/items/item';
import { Manifest } from '../../shared/items/manifest';
import { checkPackageRules, type Parsed } from '../../shared/items/package-rules';
import type { PackageProblem } from '../../shared/items/problem';
import { TestDefinition } from '../../shared/items/test-definition';
import type { TrustPolicy } from '../../shared/items/trust';
import { DEFINITION_FILE, isContentPath, listContentFiles, sha256Hex } from './content-files';
import { parsePackageJson } from './read-json';
import { checkManifestSignature } from './trust';

/** A package that passed every check: signature, hashes, schemas and cross-file rules. */
export interface LoadedPackage {
  definition: TestDefinition;
  items: ReadonlyMap<string, Item>;
  practice: ReadonlyMap<string, PracticeItem>;
  instructions: ReadonlyMap<LanguageCode, Instructions>;
  manifest: Manifest;
  /** sha256 (hex) of manifest.json's bytes: identifies exactly this content. */
  packageHash: string;
  publisherKeyId: string;
  /** Absolute path of the package folder. */
  dir: string;
}

export type LoadResult = { ok: true; package: LoadedPackage } | { ok: false; problems: PackageProblem[] };

function readOrNull(path: string): Buffer | null {
  try {
    return readFileSync(path);
  } catch {
    return null;
  }
}

/**
 * Loads and checks an item package folder. Collects every problem it can find instead of stopping at
 * the first, and never throws for bad content: the result is the package or the list of problems.
 */
export function loadPackage(dir: string, trust: TrustPolicy): LoadResult {
  const root = resolve(dir);
  try {
    if (!statSync(root).isDirectory()) return refuse('.', `${root} is not a folder`);
  } catch {
    return refuse('.', `package folder ${root} does not exist`);
  }
  const manifestBytes = readOrNull(`${root}/manifest.json`);
  if (!manifestBytes)
    return refuse('manifest.json', 'missing: not a signed package (create it with "lbt items sign")');

  const problems: PackageProblem[] = [];
  const signature = checkManifestSignature(manifestBytes, readOrNull(`${root}/manifest.sig`), trust);
  if (!signature.ok) problems.push(signature.problem);

  const manifestParsed = parsePackageJson('manifest.json', manifestBytes, Manifest);
  if (!manifestParsed.ok) return { ok: false, problems: [...problems, ...manifestParsed.problems] };
  const manifest = manifestParsed.value;

  const contents = checkContents(root, manifest, problems);
  const parsed = parseContents(contents, problems);
  if (parsed) {
    problems.push(
      ...checkPackageRules({
        ...parsed,
        manifestFiles: new Set(Object.keys(manifest.files)),
        manifestProvenance: manifest.provenance,
      }),
    );
  }
  if (problems.length > 0 || !parsed || !signature.ok) return { ok: false, problems };
  return {
    ok: true,
    package: {
      definition: parsed.definition.value,
      items: new Map(parsed.items.map(({ value }) => [value.id, value])),
      practice: new Map(parsed.practice.map(({ value }) => [value.id, value])),
      instructions: new Map(parsed.instructions.map(({ value }) => [value.language, value])),
      manifest,
      packageHash: sha256Hex(manifestBytes),
      publisherKeyId: signature.keyId,
      dir: root,
    },
  };
}

function refuse(file: string, message: string): LoadResult {
  return { ok: false, problems: [{ file, path: '$', message }] };
}

/** Compares the folder with the manifest: every listed file present and unchanged, nothing unlisted. */
function checkContents(root: string, manifest: Manifest, problems: PackageProblem[]): Map<string, Buffer> {
  const listing = listContentFiles(root);
  problems.push(...listing.problems);
  const present = new Set(listing.files);
  const contents = new Map<string, Buffer>();
  for (const [path, expected] of Object.entries(manifest.files)) {
    if (!isContentPath(path)) {
      problems.push({
        file: 'manifest.json',
        path: `$.files[${JSON.stringify(path)}]`,
        message: `"${path}" is outside the package's content (${DEFINITION_FILE}, bank/, practice/, assets/, audio/, instructions/)`,
      });
      continue;
    }
    const bytes = present.has(path) ? readOrNull(`${root}/${path}`) : null;
    if (!bytes) {
      problems.push({
        file: path,
        path: '$',
        message: 'missing: listed in manifest.json but not in the package',
      });
      continue;
    }
    const actual = sha256Hex(bytes);
    if (actual !== expected) {
      problems.push({
        file: path,
        path: '$',
        message: `changed: its sha256 is ${actual}, manifest.json expects ${expected}`,
      });
    }
    contents.set(path, bytes);
  }
  for (const path of listing.files) {
    if (!(path in manifest.files)) {
      problems.push({ file: path, path: '$', message: 'extra file: not listed in manifest.json, refused' });
    }
  }
  return contents;
}

interface ParsedContents {
  definition: Parsed<TestDefinition>;
  items: Parsed<Item>[];
  practice: Parsed<PracticeItem>[];
  instructions: Parsed<Instructions>[];
}

/** Parses every JSON file by where it lives; returns null when the cross-file rules cannot run. */
function parseContents(contents: Map<string, Buffer>, problems: PackageProblem[]): ParsedContents | null {
  const out: Omit<ParsedContents, 'definition'> & { definition: Parsed<TestDefinition> | null } = {
    definition: null,
    items: [],
    practice: [],
    instructions: [],
  };
  let allParsed = true;
  const parse = <S extends z.ZodType>(
    file: string,
    bytes: Buffer,
    schema: S,
    into: Parsed<z.output<S>>[],
  ) => {
    const result = parsePackageJson(file, bytes, schema);
    if (result.ok) into.push({ file, value: result.value });
    else {
      problems.push(...result.problems);
      allParsed = false;
    }
  };
  const definitions: Parsed<TestDefinition>[] = [];
  for (const [file, bytes] of contents) {
    const folder = file.split('/')[0];
    const isJson = file.endsWith('.json');
    if (file === DEFINITION_FILE) parse(file, bytes, TestDefinition, definitions);
    else if (folder === 'bank' && isJson && file.split('/').length === 3) parse(file, bytes, Item, out.items);
    else if (folder === 'practice' && isJson && file.split('/').length === 2)
      parse(file, bytes, PracticeItem, out.practice);
    else if (folder === 'instructions' && isJson && file.split('/').length === 2)
      parse(file, bytes, Instructions, out.instructions);
    else if (folder === 'bank' || folder === 'practice') {
      problems.push({
        file,
        path: '$',
        message: `expected only ${folder === 'bank' ? 'bank/<family>/<id>.json' : 'practice/<id>.json'} files here`,
      });
    }
  }
  out.definition = definitions[0] ?? null;
  if (!contents.has(DEFINITION_FILE) && !problems.some((problem) => problem.file === DEFINITION_FILE)) {
    problems.push({
      file: DEFINITION_FILE,
      path: '$',
      message: 'missing: every package needs a test definition',
    });
  }
  if (!out.definition || !allParsed) return null;
  return { ...out, definition: out.definition };
}
