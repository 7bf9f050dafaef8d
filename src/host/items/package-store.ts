import { extname, join } from 'node:path';
import { languageAudio } from '../../shared/items/audio-provenance';
import type { PackageView } from '../../shared/items/package-view';
import type { PackageFile } from './read-verified';
import { formatProblem, type PackageProblem } from '../../shared/items/problem';
import type { TrustPolicy } from '../../shared/items/trust';
import { Rejected } from '../router';
import { loadPackage, type LoadedPackage } from './loader';
import { readTrustPolicy } from './trust';

/** Content types of the files a package may hold. */
const CONTENT_TYPE: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.json': 'application/json; charset=utf-8',
};

const PROBLEMS_IN_MESSAGE = 30;

/**
 * Holds the item package the kiosk runs with: loaded once at start. When the package is invalid the
 * kiosk keeps running without one and every request for it is refused with the list of problems.
 */
export class PackageStore {
  private constructor(
    readonly dir: string,
    private readonly loaded: LoadedPackage | null,
    readonly problems: readonly PackageProblem[],
  ) {}

  static load(dir: string, trust: TrustPolicy): PackageStore {
    const result = loadPackage(dir, trust);
    return result.ok
      ? new PackageStore(dir, result.package, [])
      : new PackageStore(dir, null, result.problems);
  }

  /**
   * Loads the package a shell starts with, trusting the publishers in `trustFile`. An unreadable trust
   * file leaves the kiosk without a package (and says why), never crashes the start.
   */
  static open(options: { dir: string; trustFile: string; allowDevelopmentKeys: boolean }): PackageStore {
    let trust: TrustPolicy;
    try {
      trust = readTrustPolicy(options.trustFile, options.allowDevelopmentKeys);
    } catch (error) {
      return PackageStore.unavailable(options.dir, {
        file: options.trustFile,
        path: '$',
        message: (error as Error).message,
      });
    }
    return PackageStore.load(options.dir, trust);
  }

  /** A store that holds no package, for a reason given as one problem (e.g. the trust file is unreadable). */
  static unavailable(dir: string, problem: PackageProblem): PackageStore {
    return new PackageStore(dir, null, [problem]);
  }

  get package(): LoadedPackage | null {
    return this.loaded;
  }

  packageId(): string | null {
    return this.loaded?.manifest.packageId ?? null;
  }

  /** One line for the host's start-up log. */
  summary(): string {
    const pkg = this.loaded;
    if (!pkg) {
      return `Item package at ${this.dir} REFUSED (${this.problems.length} problem(s)); running without items:\n${this.problems
        .slice(0, PROBLEMS_IN_MESSAGE)
        .map((problem) => '  ' + formatProblem(problem))
        .join('\n')}`;
    }
    return `Item package ${pkg.manifest.packageId} ${pkg.manifest.version} loaded from ${pkg.dir} (hash ${pkg.packageHash}, ${pkg.items.size} items, ${pkg.practice.size} practice).`;
  }

  /** The `package.get` answer, or a refusal listing why there is no package. */
  view(): PackageView {
    const pkg = this.loaded;
    if (!pkg) {
      const shown = this.problems.slice(0, PROBLEMS_IN_MESSAGE).map(formatProblem);
      const more = this.problems.length - shown.length;
      throw new Rejected(
        [`The item package could not be loaded (${this.problems.length} problem(s)):`, ...shown]
          .concat(more > 0 ? [`… and ${more} more`] : [])
          .join('\n'),
      );
    }
    const { definition } = pkg;
    return {
      packageId: pkg.manifest.packageId,
      version: pkg.manifest.version,
      packageHash: pkg.packageHash,
      definition,
      // Keys stay in the host: the page needs only what it shows; the host judges every answer.
      items: definition.items.map((id) => withoutKey(pkg.items.get(id)!)),
      practice: definition.practice.map((id) => withoutKey(pkg.practice.get(id)!)),
      instructions: definition.languages.map((language) => pkg.instructions.get(language)!),
      languages: definition.languages.map((language) => ({
        language,
        audio: languageAudio(Object.values(pkg.instructions.get(language)!.texts)),
      })),
    };
  }

  /**
   * The file behind `/package/<path>`: only paths listed in the manifest (their hashes were checked at
   * load), so nothing else in or outside the folder can be fetched.
   */
  file(relative: string): PackageFile | null {
    const pkg = this.loaded;
    if (!pkg) return null;
    if (!Object.prototype.hasOwnProperty.call(pkg.manifest.files, relative)) return null;
    return {
      path: join(pkg.dir, relative),
      contentType: CONTENT_TYPE[extname(relative)] ?? 'application/octet-stream',
      sha256: pkg.manifest.files[relative]!,
    };
  }
}

function withoutKey<T extends { key: unknown }>(item: T): Omit<T, 'key'> {
  const { key: _key, ...view } = item;
  return view;
}
