/**
 * The rules of spoken instructions across files: a language speaks every instruction or none (a candidate screen
 * never falls silent where the others speak), synthetic audio names the language's own voice, and the signed
 * manifest records the provenance of every instruction audio file exactly as the instruction files state it.
 */
import type { AudioProvenance } from './audio-provenance';
import type { Instructions } from './instructions';
import { jsonPath } from './problem';

type Report = (file: string, path: string, message: string) => void;

/** Every instruction audio file of the package with its provenance, as `lbt items sign` writes it to the manifest. */
export function instructionProvenance(instructions: Iterable<Instructions>): Record<string, AudioProvenance> {
  const entries: [string, AudioProvenance][] = [];
  for (const language of instructions) {
    for (const text of Object.values(language.texts)) {
      if (text.audio && text.provenance) entries.push([text.audio, text.provenance]);
    }
  }
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}

export function checkInstructionAudio(
  instructions: readonly { file: string; value: Instructions }[],
  manifestProvenance: Readonly<Record<string, AudioProvenance>> | undefined,
  report: Report,
): void {
  for (const { file, value } of instructions) {
    const texts = Object.entries(value.texts);
    const silent = texts.filter(([, text]) => text.audio === null).map(([key]) => key);
    if (silent.length > 0 && silent.length < texts.length) {
      for (const key of silent) {
        report(
          file,
          jsonPath(['texts', key, 'audio']),
          `"${value.language}" speaks its other instructions but not "${key}": every instruction shown to the candidate needs audio (record it, or give the language a voice)`,
        );
      }
    }
    for (const [key, text] of texts) {
      const provenance = text.provenance;
      if (provenance?.kind !== 'synthetic') continue;
      const voice = value.voice;
      if (!voice.available || voice.engine !== provenance.engine || voice.voice !== provenance.voice) {
        report(
          file,
          jsonPath(['texts', key, 'provenance']),
          `synthetic audio by ${provenance.engine} "${provenance.voice}", but the language's voice is ${voice.available ? `${voice.engine} "${voice.voice}"` : 'none'}`,
        );
      }
    }
  }
  const expected = instructionProvenance(instructions.map(({ value }) => value));
  if (!manifestProvenance) {
    if (Object.keys(expected).length > 0)
      report('manifest.json', '$.provenance', 'missing: sign the package again ("lbt items sign")');
    return;
  }
  for (const path of new Set([...Object.keys(expected), ...Object.keys(manifestProvenance)])) {
    const want = expected[path];
    const have = manifestProvenance[path];
    if (JSON.stringify(want) !== JSON.stringify(have)) {
      report(
        'manifest.json',
        jsonPath(['provenance', path]),
        want
          ? `does not match the instruction file's provenance of "${path}": sign the package again`
          : `"${path}" is no instruction's audio`,
      );
    }
  }
}
