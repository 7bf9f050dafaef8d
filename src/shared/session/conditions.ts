import { z } from 'zod';
import { LanguageCode } from '../items';

/**
 * An interpreter's language: any ISO 639-1 or 639-3 code (2-3 lowercase letters), not only the package's
 * instruction languages, since the interpreter exists exactly for the languages the kiosk does not speak.
 */
export const Iso639Code = z
  .string()
  .regex(/^[a-z]{2,3}$/, 'een taalcode van 2 of 3 kleine letters (ISO 639), bijvoorbeeld "so" of "prs"');
export type Iso639Code = z.infer<typeof Iso639Code>;

/** Where the interpreter was: in the room, or on the phone (a phone interpreter hears less of the room). */
export const InterpreterMode = z.enum(['in-room', 'phone']);
export type InterpreterMode = z.infer<typeof InterpreterMode>;

/** How the candidate was prepared for the test, as the afnemer's checklist records it. */
/**
 * How the candidate prepared. `thuis-oefenapp`: practised at home with the practice app (/oefenen/, issue 21),
 * asked apart from other home practice so a gemeente can see whether the app is used; both count as practised.
 */
export const Voorbereiding = z.enum(['thuis-oefenapp', 'thuis-geoefend', 'demo-vandaag', 'geen']);
export type Voorbereiding = z.infer<typeof Voorbereiding>;

/** The sitting's moment relative to the intake conversation (brede intake). */
export const IntakeMoment = z.enum(['voor-intake', 'na-intake', 'onbekend']);
export type IntakeMoment = z.infer<typeof IntakeMoment>;

/**
 * Afnamecondities: the conditions a sitting ran under (device, room, instruction, interpreter, preparation).
 * The research reports show that results depend on them, so every result records them. Later issues fill
 * these fields (device facts from the shell, the afnemer's checklist); for now every field is optional, so a
 * session can open with `{}` and each issue adds what it measures. Unknown keys are refused: a field is only
 * recorded once it has a name and a type here.
 */
export const Afnamecondities = z
  .object({
    /** Which shell ran the kiosk, and whether it enforced lockdown. */
    shell: z.enum(['electron', 'chromium']).optional(),
    lockdown: z.enum(['full', 'reduced']).optional(),
    device: z
      .object({
        kind: z.enum(['touch-laptop', 'laptop', 'desktop', 'other']).optional(),
        touch: z.boolean().optional(),
        screen: z
          .object({
            widthPx: z.number().int().positive(),
            heightPx: z.number().int().positive(),
            scaleFactor: z.number().positive(),
            diagonalInch: z.number().positive().optional(),
          })
          .strict()
          .optional(),
        /** Whether a mouse was attached (the prescribed set-up is touch only). */
        mouseAttached: z.boolean().optional(),
      })
      .strict()
      .optional(),
    room: z
      .object({
        kind: z.enum(['private', 'shared', 'other']).optional(),
        quiet: z.boolean().optional(),
        /** How many candidates sat the test in the room at the same time (the afnemer's checklist). */
        groupSize: z.number().int().min(1).max(20).optional(),
        /** With more than one candidate in the room, each hears the kiosk through headphones (checked). */
        headphones: z.boolean().optional(),
      })
      .strict()
      .optional(),
    instruction: z
      .object({
        /** How the instructions reached the candidate. */
        by: z.enum(['kiosk-audio', 'afnemer', 'interpreter', 'mixed']).optional(),
        interpreter: z.boolean().optional(),
        interpreterLanguage: Iso639Code.optional(),
        interpreterMode: InterpreterMode.optional(),
        /** Any translation tool used in the room (the reports mention Google Translate). */
        translationTool: z.boolean().optional(),
        /** The language the instructions were given in (the kiosk's audio and text language). */
        language: LanguageCode.optional(),
        /** Whether the package has spoken instructions in `language`; without, someone must instruct. */
        audioAvailable: z.boolean().optional(),
        /**
         * Without audio and without an interpreter: the afnemer's confirmation of another arrangement, in their
         * own words (e.g. "familielid vertaalt, protocol voorgelezen").
         */
        otherArrangement: z.string().trim().min(1).max(300).optional(),
      })
      .strict()
      .optional(),
    preparation: z
      .object({
        practicedBefore: z.enum(['yes', 'no', 'unknown']).optional(),
        /** The afnemer's checklist: practised at home (with the app or otherwise), a demonstration today, or none. */
        kind: Voorbereiding.optional(),
      })
      .strict()
      .optional(),
    /** When the sitting took place relative to the intake conversation (the afnemer's checklist). */
    intake: z.object({ moment: IntakeMoment }).strict().optional(),
    /** Free text by the afnemer, e.g. something unusual in the room. */
    notes: z.string().max(1000).optional(),
  })
  .strict();
export type Afnamecondities = z.infer<typeof Afnamecondities>;
