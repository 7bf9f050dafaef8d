/**
 * How every sound of a package is made, by the generator (synthetic speech) and `lbt items audio import`
 * (recordings) alike. One loudness for every sound in a package, recorded or synthetic, so no instruction sounds louder than
 * another and the afnemer sets the volume once: EBU R128's programme target. The generator and
 * `lbt items audio import` both measure each file with ffmpeg's ebur128 filter and apply the gain these
 * functions give; tests measure the result the same way.
 */
export const LOUDNESS_TARGET_LUFS = -23;
/** Sample peak ceiling after the gain, about -1 dBFS: a quiet recording raised to the target must not clip. */
const PEAK_LIMIT = 0.89;

/** ffmpeg filter that measures integrated loudness (ebur128 needs 48 kHz; speech engines write 22.05 kHz). */
export const MEASURE_FILTER = 'aresample=48000,ebur128';
/** For a sound shorter than ebur128's 400 ms block: padded with silence, which its gates leave out. */
export const MEASURE_PADDED_FILTER = `apad=pad_dur=1,${MEASURE_FILTER}`;

/** The integrated loudness (LUFS) from the summary ffmpeg's ebur128 filter prints on stderr, or null. */
export function integratedLoudness(ffmpegStderr: string): number | null {
  const summary = ffmpegStderr.slice(ffmpegStderr.lastIndexOf('Summary:'));
  const match = /Integrated loudness:\s*\n\s*I:\s*(-?\d+(?:\.\d+)?) LUFS/.exec(summary);
  if (!match) return null;
  const lufs = Number(match[1]);
  // ebur128 prints -70 (its gate) or 0.0 for a file too short or too quiet to measure.
  return lufs <= -70 || lufs === 0 ? null : lufs;
}

/** The filter that brings a file measured at `measuredLufs` to the target: one gain, then a peak limiter. */
export function gainFilter(measuredLufs: number): string {
  const gain = (LOUDNESS_TARGET_LUFS - measuredLufs).toFixed(2);
  return `aresample=48000,volume=${gain}dB,alimiter=limit=${PEAK_LIMIT}:level=disabled`;
}

/**
 * Trims leading and trailing silence (below -50 dBFS), keeping 50 ms of it at each end so a word's first sound is
 * not clipped. A recording starts and ends with room noise and breath; a speech engine's output does not.
 */
export const TRIM_SILENCE_FILTER = [
  'silenceremove=start_periods=1:start_threshold=-50dB:start_silence=0.05',
  'areverse',
  'silenceremove=start_periods=1:start_threshold=-50dB:start_silence=0.05',
  'areverse',
].join(',');

/** Ogg Opus at 24 kbit/s mono, tuned for speech, without comment tags (they would carry the encoder's date). */
export const AUDIO_BITRATE_KBPS = 24;

/**
 * opusenc's arguments for package file `path`: a stable stream serial per path (FNV-1a), so the same input gives the
 * same bytes on every run and adding a file changes no other file.
 */
export function opusencArgs(path: string, wavIn: string, oggOut: string): string[] {
  return [
    '--quiet',
    '--bitrate',
    String(AUDIO_BITRATE_KBPS),
    '--speech',
    '--downmix-mono',
    '--serial',
    String(serialFor(path)),
    '--discard-comments',
    '--padding',
    '0',
    wavIn,
    oggOut,
  ];
}

function serialFor(file: string): number {
  let h = 2166136261;
  for (const ch of file) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h & 0x7fffffff;
}
