import { z } from 'zod';
import { LanguageAudio } from './audio-provenance';
import { Id, LanguageCode, Sha256Hex } from './ids';
import { Instructions } from './instructions';
import { Item, PracticeItem } from './item';
import { TestDefinition } from './test-definition';

/** An item as the page sees it: everything but the key, which never leaves the host. */
export const ItemView = Item.omit({ key: true });
export type ItemView = z.infer<typeof ItemView>;

/** A practice item as the page sees it: the host judges practice answers and sends the feedback. */
export const PracticeItemView = PracticeItem.omit({ key: true });
export type PracticeItemView = z.infer<typeof PracticeItemView>;

/**
 * The loaded item package as the renderer receives it (`package.get`). Pictures and sound are not inside:
 * the renderer fetches each listed path as `/package/<path>` (app://kiosk/package/<path> in Electron).
 */
export const PackageView = z
  .object({
    packageId: Id,
    version: z.string(),
    /** sha256 (hex) of the package's manifest.json: a result records which content it was taken with. */
    packageHash: Sha256Hex,
    definition: TestDefinition,
    /** The scored items in the definition's order, without their keys. */
    items: z.array(ItemView),
    /** The practice items in the definition's order, without their keys. */
    practice: z.array(PracticeItemView),
    /** Instructions for the definition's languages, in its order. */
    instructions: z.array(Instructions),
    /**
     * Per language (in the same order) whether its instructions are spoken, and by whom: the console shows it
     * when the afnemer chooses, and a language with `none` needs an interpreter or another arrangement.
     */
    languages: z.array(z.object({ language: LanguageCode, audio: LanguageAudio }).strict()),
  })
  .strict();
export type PackageView = z.infer<typeof PackageView>;

/** Where the renderer fetches a package file from, relative to its own origin. */
export function packageUrl(path: string): string {
  return `/package/${path}`;
}
