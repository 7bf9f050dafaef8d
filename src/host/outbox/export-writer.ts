/**
 * Writes pending results to one `lbt.results-export/1` file for a USB stick. The file is written durably under
 * a new name (never over an earlier export), and only after it is on disk are the results marked `exported`:
 * a failed write leaves them exactly as they were.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { errnoCode, errnoKind, type ErrnoKind } from '../../shared/errors/errno';
import type { SignedResult } from '../../shared/result';
import { RESULTS_EXPORT_SCHEMA, ResultsExport } from '../../shared/results-service';
import { writeFileDurably } from '../keys/durable-fs';

/** `exportDir` (the entry point's LBT_EXPORT_DIR), or `<dataDir>/exports`. */
export function defaultExportDir(dataDir: string, exportDir: string | undefined): string {
  return exportDir || join(dataDir, 'exports');
}

/** The afnemer's Dutch message for a failed export; `detail` is for the log. */
export class ExportError extends Error {
  override readonly name = 'ExportError';
  constructor(
    message: string,
    readonly detail: string,
  ) {
    super(message);
  }
}

export const NOTHING_TO_EXPORT =
  'Er zijn geen resultaten die nog verstuurd moeten worden; er is niets geëxporteerd.';

/** The afnemer's Dutch reason per kind of failure (the shared errno helper sorts the codes). */
const EXPORT_FAILURE: Record<ErrnoKind, string> = {
  'disk-full': 'de schijf of USB-stick is vol',
  'read-only': 'er kan niet op de schijf of USB-stick worden geschreven',
  missing: 'de exportmap bestaat niet (is de USB-stick aangesloten?)',
  'not-a-file': 'er trad een schrijffout op',
  'io-error': 'er trad een schrijffout op',
};

function exportFailure(error: unknown, dir: string): ExportError {
  const errno = errnoCode(error);
  const why = EXPORT_FAILURE[errnoKind(errno)];
  return new ExportError(
    `De resultaten konden niet worden geëxporteerd: ${why}. Er is niets veranderd; alle resultaten zijn bewaard.`,
    `${dir}: ${errno} ${(error as Error)?.message ?? error}`,
  );
}

/** `lbt-resultaten-<device>-<UTC time>.json`: sortable, and two exports never share a name. */
export function exportFileName(deviceId: string, at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `lbt-resultaten-${deviceId}-${stamp}.json`;
}

export async function writeResultsExport(options: {
  dir: string;
  deviceId: string;
  results: SignedResult[];
  now: Date;
  /** Create `dir` when missing: only for the default folder in the data dir. */
  createDir: boolean;
  /** An explicit file (the CLI's --out); default: a new name in `dir`. */
  file?: string;
}): Promise<string> {
  const body: ResultsExport = ResultsExport.parse({
    schema: RESULTS_EXPORT_SCHEMA,
    exportedAt: options.now.toISOString(),
    deviceId: options.deviceId,
    results: options.results,
  });
  const bytes = Buffer.from(JSON.stringify(body, null, 2) + '\n', 'utf8');
  try {
    // Only our own folder is created: a missing USB mount point must fail, not fill the internal disk.
    if (options.createDir && !options.file) await fs.mkdir(options.dir, { recursive: true, mode: 0o700 });
    for (let n = 0; ; n++) {
      const file =
        options.file ??
        join(
          options.dir,
          exportFileName(options.deviceId, options.now).replace(/\.json$/, n ? `-${n}.json` : '.json'),
        );
      const outcome = await writeFileDurably(file, bytes, { mode: 0o600, exclusive: true });
      if (outcome === 'created') return file;
      if (options.file) throw Object.assign(new Error(`${file} exists`), { code: 'EEXIST' });
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException)?.code === 'EEXIST') {
      throw new ExportError(
        'Het exportbestand bestaat al; kies een andere naam. Er is niets veranderd.',
        String((error as Error).message),
      );
    }
    throw exportFailure(error, options.dir);
  }
}
