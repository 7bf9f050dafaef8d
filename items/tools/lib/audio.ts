import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SpeechJob } from './registry';

/**
 * Speech synthesis: espeak-ng (Debian) writes a WAV, opusenc (Debian opus-tools) turns it into Ogg Opus at 24 kbit/s
 * mono. A fixed stream serial number and no comment tags make the output byte-identical on every run.
 */
export const AUDIO_BITRATE_KBPS = 24;

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error)
    throw new Error(
      `${cmd} could not start (${r.error.message}); install Debian packages espeak-ng and opus-tools`,
    );
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
}

export function espeakVersion(): string {
  const r = spawnSync('espeak-ng', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0)
    throw new Error('espeak-ng is missing: apt-get install espeak-ng opus-tools');
  return r.stdout.trim();
}

/** A stable Ogg stream serial per file (FNV-1a of its path), so adding a file changes no other file. */
function serialFor(file: string): number {
  let h = 2166136261;
  for (const ch of file) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h & 0x7fffffff;
}

/** Synthesises every job into `root/<file>`. */
export function synthesise(root: string, jobs: Map<string, SpeechJob>): void {
  const tmp = mkdtempSync(join(tmpdir(), 'lbt-audio-'));
  try {
    for (const [file, job] of [...jobs.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      const wav = join(tmp, 'speech.wav');
      run('espeak-ng', ['-v', job.voice, '-s', String(job.speed), '-w', wav, '--', job.text]);
      run('opusenc', [
        '--quiet',
        '--bitrate',
        String(AUDIO_BITRATE_KBPS),
        '--speech',
        '--downmix-mono',
        '--serial',
        String(serialFor(file)),
        '--discard-comments',
        '--padding',
        '0',
        wav,
        join(root, file),
      ]);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
