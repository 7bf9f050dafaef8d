import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AUDIO_BITRATE_KBPS,
  gainFilter,
  integratedLoudness,
  MEASURE_FILTER,
  MEASURE_PADDED_FILTER,
  opusencArgs,
} from '../../../src/shared/items/audio-format';
import type { SpeechJob } from './registry';

export { AUDIO_BITRATE_KBPS };

/**
 * Speech synthesis: espeak-ng (Debian) writes a WAV, ffmpeg brings it to the package's one loudness target
 * (src/shared/items/audio-format.ts, the same as recorded speech gets), opusenc (Debian opus-tools) turns it into Ogg
 * Opus at 24 kbit/s mono. A fixed stream serial number and no comment tags make the output byte-identical on every
 * run. The ffmpeg steps mirror src/host/items/audio-import.ts (this folder may not import src/host); the filters
 * and encoder arguments themselves have their one home in audio-format.ts.
 */
function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error)
    throw new Error(
      `${cmd} could not start (${r.error.message}); install Debian packages espeak-ng, opus-tools and ffmpeg`,
    );
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stderr;
}

/** Measures `wav` and writes it at the target loudness as 48 kHz mono `out`. */
function normalise(wav: string, out: string): void {
  const ffmpeg = ['-hide_banner', '-nostats', '-nostdin'];
  const measure = (filter: string) =>
    integratedLoudness(run('ffmpeg', [...ffmpeg, '-i', wav, '-af', filter, '-f', 'null', '-']));
  const measured = measure(MEASURE_FILTER) ?? measure(MEASURE_PADDED_FILTER);
  if (measured === null) throw new Error(`${wav}: too short or too quiet to measure its loudness`);
  run('ffmpeg', [
    ...ffmpeg,
    '-y',
    '-i',
    wav,
    '-af',
    gainFilter(measured),
    '-ac',
    '1',
    '-c:a',
    'pcm_s16le',
    out,
  ]);
}

export function espeakVersion(): string {
  const r = spawnSync('espeak-ng', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0)
    throw new Error('espeak-ng is missing: apt-get install espeak-ng opus-tools ffmpeg');
  return r.stdout.trim();
}

/** Synthesises every job into `root/<file>`. */
export function synthesise(root: string, jobs: Map<string, SpeechJob>): void {
  const tmp = mkdtempSync(join(tmpdir(), 'lbt-audio-'));
  try {
    for (const [file, job] of [...jobs.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      const raw = join(tmp, 'speech.wav');
      const wav = join(tmp, 'normalised.wav');
      run('espeak-ng', ['-v', job.voice, '-s', String(job.speed), '-w', raw, '--', job.text]);
      normalise(raw, wav);
      run('opusenc', opusencArgs(file, wav, join(root, file)));
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
