import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { importRecordings } from '../../host/items/audio-import';
import { devPublisherKeyFile, readPublisherKeyPair } from '../../host/items/sign';
import { LOUDNESS_TARGET_LUFS } from '../../shared/items/audio-format';
import type { CliCommand } from '../command';
import { parseCliArgs } from './parse-cli-args';

const USAGE =
  'lbt items audio import <lang> <folder> --speaker ID [--date YYYY-MM-DD] [--package DIR] [--key FILE]';

/**
 * `lbt items audio import <lang> <folder>`: recorded instructions (`<key>.wav` or `.flac`) into a package, trimmed,
 * at the package's loudness, encoded like the rest; the instruction file records who spoke them and when, and the
 * package is signed again (default key: the development key, as `lbt items sign`).
 */
export const itemsAudioImport: CliCommand = {
  summary: 'import recorded instructions (WAV/FLAC per key) and sign again',
  run(args) {
    const parsed = parseCliArgs(
      () =>
        parseArgs({
          args,
          allowPositionals: true,
          options: {
            speaker: { type: 'string' },
            date: { type: 'string', default: new Date().toISOString().slice(0, 10) },
            package: { type: 'string', default: 'items' },
            key: { type: 'string', default: devPublisherKeyFile },
          },
        }),
      USAGE,
    );
    if (!parsed) return 2;
    const { values, positionals } = parsed;
    const [language, folder] = positionals;
    if (!language || !folder || positionals.length > 2 || !values.speaker) {
      console.error(`Usage: ${USAGE}`);
      return 2;
    }
    if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(values.speaker)) {
      console.error(
        `--speaker: "${values.speaker}" is not a speaker id (lowercase letters, digits and dashes; no names)`,
      );
      return 2;
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date) || Number.isNaN(Date.parse(values.date))) {
      console.error(`--date: "${values.date}" is not a date (YYYY-MM-DD)`);
      return 2;
    }
    const dir = resolve(values.package);
    try {
      const pair = readPublisherKeyPair(resolve(values.key));
      const outcome = importRecordings({
        dir,
        language,
        folder,
        speaker: values.speaker,
        date: values.date,
        pair,
      });
      for (const r of outcome.imported)
        console.log(
          `  ${r.key.padEnd(24)} ${r.path} (was ${r.measuredLufs.toFixed(1)} LUFS, now ${LOUDNESS_TARGET_LUFS})`,
        );
      console.log(
        `Imported ${outcome.imported.length} recording(s) for "${language}" into ${dir}; signed again, hash ${outcome.signed.packageHash}.`,
      );
      return 0;
    } catch (error) {
      // AudioImportError and SignError say what is wrong and that the package is unchanged.
      console.error(`Cannot import into ${dir}: ${(error as Error).message}`);
      return 1;
    }
  },
};
