import type { InstructionKey, LanguageCode, UiKey } from '../../../src/shared/items/index';

/** One language's instruction texts, before audio paths are added. `voice` null: espeak-ng has no voice. */
export interface Translation {
  name: string;
  nameNl: string;
  direction: 'ltr' | 'rtl';
  voice: string | null;
  texts: Record<InstructionKey, string>;
  ui: Record<UiKey, string>;
}

export type Translations = Record<LanguageCode, Translation>;
