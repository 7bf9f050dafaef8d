import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AudioImportError, importRecordings } from '../../../../../src/host/items/audio-import';
import { loadPackage } from '../../../../../src/host/items/loader';
import { devPublisherKeyFile, readPublisherKeyPair } from '../../../../../src/host/items/sign';
import { defaultTrustedPublishersFile, readTrustPolicy } from '../../../../../src/host/items/trust';
import { languageAudio, LOUDNESS_TARGET_LUFS } from '../../../../../src/shared/items';
import { ffmpeg, recording } from '../../../../support/recordings';

/**
 * Recorded speech into a copy of the reference package with the real ffmpeg and opusenc: the recordings arrive
 * trimmed, at the package's loudness (measured here with ffmpeg's ebur128, independently of the importer's
 * parsing), with their provenance in the instruction file and the signed manifest; bad input changes nothing.
 */
const ITEMS = resolve(import.meta.dirname, '../../../../../items');
const pair = readPublisherKeyPair(devPublisherKeyFile);
const trust = readTrustPolicy(defaultTrustedPublishersFile, true);

function loudnessOf(file: string): number {
  const stderr = ffmpeg(['-i', file, '-af', 'aresample=48000,ebur128', '-f', 'null', '-']);
  const summary = stderr.slice(stderr.lastIndexOf('Summary:'));
  return Number(/I:\s*(-?[\d.]+) LUFS/.exec(summary)![1]);
}

function secondsOf(file: string): number {
  const r = spawnSync(
    'ffprobe',
    ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file],
    {
      encoding: 'utf8',
    },
  );
  return Number(r.stdout.trim());
}

function copyOfPackage(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'lbt-import-')), 'items');
  cpSync(ITEMS, dir, { recursive: true, filter: (src) => !src.includes(`${ITEMS}/tools`) });
  return dir;
}

function folderWith(files: Record<string, (path: string) => void>): string {
  const folder = mkdtempSync(join(tmpdir(), 'lbt-recordings-'));
  for (const [name, make] of Object.entries(files)) make(join(folder, name));
  return folder;
}

const request = (dir: string, language: string, folder: string) => ({
  dir,
  language,
  folder,
  speaker: 'spreker-07',
  date: '2026-11-30',
  pair,
});

describe('lbt items audio import', () => {
  let dir: string;
  let outcome: ReturnType<typeof importRecordings>;

  beforeAll(() => {
    dir = copyOfPackage();
    const folder = folderWith({
      // Far too quiet, mono 16-bit; and too loud, stereo 24-bit at 48 kHz: both must end at the target.
      'welcome.wav': (f) => recording(f, 0.02, ['-ac', '1', '-c:a', 'pcm_s16le']),
      'pause.wav': (f) => recording(f, 0.95, ['-ac', '2', '-ar', '48000', '-c:a', 'pcm_s24le'], 0.6, 1.4),
    });
    outcome = importRecordings(request(dir, 'nl', folder));
  }, 120_000);

  it('trims the silence and brings each recording within 1 LU of the package target', () => {
    expect(outcome.imported.map((r) => r.key).sort()).toEqual(['pause', 'welcome']);
    for (const key of ['welcome', 'pause']) {
      const file = join(dir, `instructions/nl/${key}.ogg`);
      expect(Math.abs(loudnessOf(file) - LOUDNESS_TARGET_LUFS)).toBeLessThanOrEqual(1);
      // 1.5 s of sound was recorded with 2 s of silence around it; 50 ms of silence stays at each end.
      const seconds = secondsOf(file);
      expect(seconds).toBeGreaterThan(1.35);
      expect(seconds).toBeLessThan(1.75);
    }
    // The quiet one was measured far below the target, the loud one above it.
    const measured = Object.fromEntries(outcome.imported.map((r) => [r.key, r.measuredLufs]));
    expect(measured.welcome!).toBeLessThan(LOUDNESS_TARGET_LUFS - 10);
    expect(measured.pause!).toBeGreaterThan(LOUDNESS_TARGET_LUFS);
  });

  it('records who spoke them in the instruction file and the signed manifest; the package verifies', () => {
    const loaded = loadPackage(dir, trust);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems, null, 2));
    const nl = loaded.package.instructions.get('nl')!;
    const recorded = { kind: 'recorded', speaker: 'spreker-07', date: '2026-11-30' };
    expect(nl.texts.welcome.provenance).toEqual(recorded);
    expect(nl.texts.pause.provenance).toEqual(recorded);
    expect(nl.texts.end.provenance).toEqual({ kind: 'synthetic', engine: 'espeak-ng', voice: 'nl' });
    expect(loaded.package.manifest.provenance!['instructions/nl/welcome.ogg']).toEqual(recorded);
    expect(languageAudio(Object.values(nl.texts))).toBe('partly-recorded');
    expect(languageAudio(Object.values(loaded.package.instructions.get('en')!.texts))).toBe('synthetic');
    expect(languageAudio(Object.values(loaded.package.instructions.get('ti')!.texts))).toBe('none');
  });

  describe('refuses bad input and leaves the package as it was', () => {
    const refused = (language: string, files: Record<string, (path: string) => void>, message: RegExp) => {
      const before = readFileSync(join(dir, 'manifest.json'), 'utf8');
      const folder = folderWith(files);
      let error: unknown = null;
      try {
        importRecordings(request(dir, language, folder));
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(AudioImportError);
      expect((error as Error).message).toMatch(message);
      expect(readFileSync(join(dir, 'manifest.json'), 'utf8')).toBe(before);
      expect(loadPackage(dir, trust).ok).toBe(true);
    };
    const good = (f: string) => recording(f, 0.3, ['-c:a', 'pcm_s16le']);

    it('a file not named by an instruction key', () => {
      refused('nl', { 'end.wav': good, 'hallo.wav': good }, /hallo\.wav: unknown instruction key "hallo"/);
    });

    it('a file that is not audio at all', () => {
      refused(
        'nl',
        { 'end.wav': (f) => writeFileSync(f, 'RIFF this is no recording') },
        /end\.wav: unreadable: not a valid WAV or FLAC/,
      );
    });

    it('a recording in a poor sample format (8-bit, 8 kHz)', () => {
      refused(
        'nl',
        { 'end.wav': (f) => recording(f, 0.3, ['-ar', '8000', '-c:a', 'pcm_u8']) },
        /end\.wav: wrong sample format \(pcm_u8, 8000 Hz/,
      );
    });

    it('a silent recording', () => {
      refused('nl', { 'end.wav': (f) => recording(f, 0, ['-c:a', 'pcm_s16le']) }, /silent, or too short/);
    });

    it('a language without a voice, partly recorded (it would speak some instructions and not others)', () => {
      refused('ti', { 'welcome.wav': good }, /would not verify.*\n.*speaks its other instructions but not/);
    });

    it('an unknown language', () => {
      refused('xx', { 'welcome.wav': good }, /unknown language "xx"/);
    });

    it('no ffmpeg on the PATH', () => {
      const path = process.env.PATH;
      const empty = mkdtempSync(join(tmpdir(), 'lbt-no-tools-'));
      mkdirSync(join(empty, 'bin'));
      process.env.PATH = join(empty, 'bin');
      try {
        refused(
          'nl',
          { 'welcome.wav': () => undefined },
          /ffmpeg is missing: install it with "sudo apt-get install ffmpeg"/,
        );
      } finally {
        process.env.PATH = path;
      }
    });
  });
});
