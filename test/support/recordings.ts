import { spawnSync } from 'node:child_process';

/** Runs ffmpeg (Debian) quietly; returns its stderr, where the ebur128 filter writes its summary. */
export function ffmpeg(args: string[]): string {
  const r = spawnSync('ffmpeg', ['-hide_banner', '-nostats', '-nostdin', '-y', ...args], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stderr;
}

/**
 * A stand-in for a recorded instruction: `lead` s of silence, 1.5 s of a warbling tone at amplitude `volume`,
 * `tail` s of silence, written with the ffmpeg output options `format` (codec, rate, channels).
 */
export function recording(file: string, volume: number, format: string[], lead = 1, tail = 1): void {
  const tone = `${volume}*sin(2*PI*220*t)*(0.65+0.35*sin(2*PI*5*t))`;
  const signal = `if(between(t,${lead},${lead + 1.5}),${tone},0)`;
  ffmpeg(['-f', 'lavfi', '-i', `aevalsrc='${signal}':s=44100:d=${lead + 1.5 + tail}`, ...format, file]);
}
