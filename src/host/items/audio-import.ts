/**
 * `lbt items audio import`: recorded speech into a package. Every recording is checked and encoded in a scratch
 * folder first; only when all of them are good are they copied in, the language's instruction file updated and
 * the package re-signed, so a bad file leaves the package as it was. The ffmpeg steps mirror items/tools/lib/audio.ts
 * (which may not import this folder); the filters and encoder arguments have one home in audio-format.ts.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import {
  gainFilter,
  integratedLoudness,
  MEASURE_FILTER,
  MEASURE_PADDED_FILTER,
  opusencArgs,
  TRIM_SILENCE_FILTER,
} from '../../shared/items/audio-format';
import type { AudioProvenance } from '../../shared/items/audio-provenance';
import { LanguageCode } from '../../shared/items/ids';
import { checkInstructionAudio, instructionProvenance } from '../../shared/items/instruction-audio-rules';
import { InstructionKey, Instructions } from '../../shared/items/instructions';
import { formatProblem } from '../../shared/items/problem';
import type { PublisherKeyPairFile } from '../../shared/items/trust';
import { parsePackageJson } from './read-json';
import { signPackage, writeDurably, type SignOutcome } from './sign';

export class AudioImportError extends Error {
  override readonly name = 'AudioImportError';
}

export interface AudioImportRequest {
  /** The package folder. */
  dir: string;
  language: string;
  /** A folder of `<instruction key>.wav` or `.flac` files, e.g. `welcome.wav`, `family.regels-zien.flac`. */
  folder: string;
  speaker: string;
  /** The day of the recording, YYYY-MM-DD. */
  date: string;
  pair: PublisherKeyPairFile;
}

export interface ImportedRecording {
  key: InstructionKey;
  source: string;
  path: string;
  /** Loudness of the trimmed recording before the gain, in LUFS. */
  measuredLufs: number;
}

export interface AudioImportOutcome {
  imported: ImportedRecording[];
  signed: SignOutcome;
}

const RECORDING = /\.(wav|flac)$/i;
/** Lossless PCM of 16 bits or more; 8-bit and telephone codecs (mu-law, A-law, ADPCM) are too poor for speech tests. */
const GOOD_CODECS = new Set(['pcm_s16le', 'pcm_s24le', 'pcm_s32le', 'pcm_f32le', 'pcm_f64le', 'flac']);
const MIN_SAMPLE_RATE = 16000;

export function importRecordings(request: AudioImportRequest): AudioImportOutcome {
  requireTools();
  const root = resolve(request.dir);
  const language = LanguageCode.safeParse(request.language);
  if (!language.success)
    throw new AudioImportError(
      `unknown language "${request.language}"; the package's languages are ${LanguageCode.options.join(', ')}`,
    );
  const file = `instructions/${language.data}.json`;
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(root, file));
  } catch {
    throw new AudioImportError(`${root} has no ${file}: not a package with "${language.data}" instructions`);
  }
  const parsed = parsePackageJson(file, bytes, Instructions);
  if (!parsed.ok) throw new AudioImportError(parsed.problems.map(formatProblem).join('\n'));
  const provenance: AudioProvenance = { kind: 'recorded', speaker: request.speaker, date: request.date };
  const recordings = listRecordings(resolve(request.folder));

  const scratch = mkdtempSync(join(tmpdir(), 'lbt-audio-import-'));
  try {
    const imported = recordings.map(({ key, source }, index) => {
      const path = `instructions/${language.data}/${key}.ogg`;
      const encoded = join(scratch, `${index}.ogg`);
      return { key, source, path, encoded, measuredLufs: encode(source, path, scratch, encoded) };
    });
    const texts = { ...parsed.value.texts };
    for (const { key, path } of imported) texts[key] = { ...texts[key], audio: path, provenance };
    const updated = Instructions.parse({ ...parsed.value, texts });
    const problems: string[] = [];
    checkInstructionAudio([{ file, value: updated }], instructionProvenance([updated]), (f, at, message) =>
      problems.push(`${f}: ${at}: ${message}`),
    );
    if (problems.length > 0)
      throw new AudioImportError(
        `the package would not verify; nothing was imported:\n${problems.join('\n')}\n(a language without a synthetic voice needs a recording of every instruction, imported at once)`,
      );
    for (const { path, encoded } of imported) copyFileSync(encoded, join(root, path));
    writeDurably(join(root, file), Buffer.from(`${JSON.stringify(updated, null, 2)}\n`, 'utf8'));
    const signed = signPackage(root, request.pair);
    return {
      imported: imported.map(({ key, source, path, measuredLufs }) => ({ key, source, path, measuredLufs })),
      signed,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function requireTools(): void {
  for (const [tool, pkg] of [
    ['ffmpeg', 'ffmpeg'],
    ['ffprobe', 'ffmpeg'],
    ['opusenc', 'opus-tools'],
  ] as const) {
    const r = spawnSync(tool, [tool === 'opusenc' ? '--version' : '-version'], { encoding: 'utf8' });
    if (r.error || r.status !== 0)
      throw new AudioImportError(`${tool} is missing: install it with "sudo apt-get install ${pkg}"`);
  }
}

function listRecordings(folder: string): { key: InstructionKey; source: string }[] {
  let names: string[];
  try {
    if (!statSync(folder).isDirectory()) throw new Error('not a folder');
    names = readdirSync(folder).sort();
  } catch {
    throw new AudioImportError(`${folder} is not a folder of recordings`);
  }
  const problems: string[] = [];
  const recordings: { key: InstructionKey; source: string }[] = [];
  for (const name of names) {
    const source = join(folder, name);
    if (!statSync(source).isFile()) continue;
    if (!RECORDING.test(name)) {
      problems.push(`${name}: not a .wav or .flac recording`);
      continue;
    }
    const key = InstructionKey.safeParse(name.slice(0, -extname(name).length));
    if (!key.success) {
      problems.push(
        `${name}: unknown instruction key "${name.slice(0, -extname(name).length)}"; the keys are ${InstructionKey.options.join(', ')}`,
      );
      continue;
    }
    if (recordings.some((r) => r.key === key.data))
      problems.push(`${name}: a second recording of "${key.data}"`);
    else recordings.push({ key: key.data, source });
  }
  if (problems.length > 0) throw new AudioImportError(`nothing was imported:\n${problems.join('\n')}`);
  if (recordings.length === 0) throw new AudioImportError(`${folder} holds no .wav or .flac recordings`);
  return recordings;
}

/** Checks, trims, normalises and encodes one recording to `out`; returns its measured loudness. */
function encode(source: string, path: string, scratch: string, out: string): number {
  checkFormat(source);
  const ffmpeg = ['-hide_banner', '-nostats', '-nostdin'];
  const trimmed = join(scratch, 'trimmed.wav');
  const normalised = join(scratch, 'normalised.wav');
  // Mono before measuring: a stereo file measures 3 LU louder than the same speech on one channel.
  run(
    'ffmpeg',
    [...ffmpeg, '-y', '-i', source, '-af', TRIM_SILENCE_FILTER, '-ac', '1', '-c:a', 'pcm_f32le', trimmed],
    source,
  );
  const measure = (filter: string) =>
    integratedLoudness(run('ffmpeg', [...ffmpeg, '-i', trimmed, '-af', filter, '-f', 'null', '-'], source));
  const measured = measure(MEASURE_FILTER) ?? measure(MEASURE_PADDED_FILTER);
  if (measured === null)
    throw new AudioImportError(`${source}: silent, or too short to measure: nothing was imported`);
  run(
    'ffmpeg',
    [
      ...ffmpeg,
      '-y',
      '-i',
      trimmed,
      '-af',
      gainFilter(measured),
      '-ac',
      '1',
      '-c:a',
      'pcm_s16le',
      normalised,
    ],
    source,
  );
  run('opusenc', opusencArgs(path, normalised, out), source);
  return measured;
}

function checkFormat(source: string): void {
  const probe = spawnSync(
    'ffprobe',
    [
      '-v',
      'error',
      '-show_entries',
      'stream=codec_type,codec_name,sample_rate,channels',
      '-of',
      'json',
      source,
    ],
    { encoding: 'utf8' },
  );
  let streams: { codec_type?: string; codec_name?: string; sample_rate?: string; channels?: number }[] = [];
  try {
    if (probe.status === 0)
      streams = (JSON.parse(probe.stdout) as { streams?: typeof streams }).streams ?? [];
  } catch {
    streams = [];
  }
  const audio = streams.filter((s) => s.codec_type === 'audio');
  if (probe.status !== 0 || audio.length !== 1)
    throw new AudioImportError(
      `${source}: unreadable: not a valid WAV or FLAC recording (${probe.stderr.trim() || `${audio.length} audio streams`}); nothing was imported`,
    );
  const { codec_name: codec = '?', sample_rate: rate = '0', channels = 0 } = audio[0]!;
  if (!GOOD_CODECS.has(codec) || Number(rate) < MIN_SAMPLE_RATE || channels < 1 || channels > 2)
    throw new AudioImportError(
      `${source}: wrong sample format (${codec}, ${rate} Hz, ${channels} channels): record 16- or 24-bit PCM or FLAC, ${MIN_SAMPLE_RATE} Hz or more, mono or stereo; nothing was imported`,
    );
}

function run(cmd: string, args: string[], source: string): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new AudioImportError(`${cmd} could not start (${r.error.message})`);
  if (r.status !== 0)
    throw new AudioImportError(
      `${source}: ${cmd} failed (${r.stderr.trim().split('\n').pop()}); nothing was imported`,
    );
  return r.stderr;
}
