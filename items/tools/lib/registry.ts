import { svgDocument } from './svg';

/**
 * Collects every picture and sound the builders ask for. Only what an item, practice item or instruction actually
 * references ends up in the package, so no asset can be left unreferenced.
 */
export class Registry {
  readonly svgs = new Map<string, string>();
  /** package path -> espeak-ng job */
  readonly sounds = new Map<string, SpeechJob>();

  svg(name: string, body: string): `assets/${string}.svg` {
    const file = `assets/${name}.svg` as const;
    const doc = svgDocument(body);
    const known = this.svgs.get(file);
    if (known !== undefined && known !== doc) throw new Error(`two different drawings named ${file}`);
    this.svgs.set(file, doc);
    return file;
  }

  sound(file: string, job: SpeechJob): string {
    const known = this.sounds.get(file);
    if (known && JSON.stringify(known) !== JSON.stringify(job))
      throw new Error(`two different sounds named ${file}`);
    this.sounds.set(file, job);
    return file;
  }
}

export interface SpeechJob {
  voice: string;
  /** Words per minute; invented words are spoken slowly. */
  speed: number;
  /** Text for espeak-ng; `[[...]]` holds phoneme mnemonics. */
  text: string;
}
