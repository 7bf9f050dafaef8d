import { z } from 'zod';
import { Id, LanguageCode, Sha256Hex } from '../items/ids';
import { Instructions } from '../items/instructions';
import { PracticeItem } from '../items/item';
import { TestDefinition } from '../items/test-definition';

/**
 * What the home practice app (renderer/practice) reads for one language: the package's practice items and
 * that language's instructions, nothing else. The definition comes without its scored item ids, so not even
 * the names of the scored items reach a phone. Practice items keep their keys: the page judges practice
 * answers itself, there is no host, and practice is never scored.
 */
export const PracticeContent = z
  .object({
    schema: z.literal('lbt.practice-content/1'),
    packageId: Id,
    packageHash: Sha256Hex,
    definition: TestDefinition.omit({ items: true, devicePolicy: true }),
    practice: z.array(PracticeItem).min(1),
    instructions: Instructions,
  })
  .strict();
export type PracticeContent = z.infer<typeof PracticeContent>;

/** Every file the service worker keeps for one language (paths relative to the app folder) and their size. */
export const PracticePrecache = z
  .object({
    schema: z.literal('lbt.practice-precache/1'),
    language: LanguageCode,
    files: z.array(z.string().min(1)).min(1),
    bytes: z.number().int().min(0),
  })
  .strict();
export type PracticePrecache = z.infer<typeof PracticePrecache>;

/** Where the app finds a language's content, precache list and web app manifest, relative to its own folder. */
export const practicePaths = (language: string) => ({
  content: `content/${language}/content.json`,
  precache: `content/${language}/precache.json`,
  manifest: `content/${language}/app.webmanifest`,
});

/** Where a package file (picture or sound) sits in the app folder. */
export const practiceFileUrl = (packagePath: string) => `content/files/${packagePath}`;

/** Nothing the app downloads for one language may exceed this (issue 21: within 5 MB on a phone plan). */
export const PRACTICE_BUDGET_BYTES = 5 * 1024 * 1024;

/** The app's languages, for whoever links to it (the dashboard's invitation letter): the package's order. */
export const PracticeLanguages = z.array(
  z
    .object({
      language: LanguageCode,
      name: z.string().min(1),
      nameNl: z.string().min(1),
      direction: z.enum(['ltr', 'rtl']),
    })
    .strict(),
);
export type PracticeLanguages = z.infer<typeof PracticeLanguages>;
export const PRACTICE_LANGUAGES_PATH = 'content/languages.json';

/** The practice app in `language`, as the letter's QR code opens it on the results service. */
export function practiceAppUrl(origin: string, language: string): string {
  return new URL(`/oefenen/?lang=${language}`, origin).toString();
}
