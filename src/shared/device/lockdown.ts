import { z } from 'zod';

/**
 * Something that happened to the kiosk during a session that the lockdown cannot undo by itself: a display
 * plugged in or out, the display's scale or size changed, or the kiosk window lost focus. The session pauses
 * and the afnemer is called; the incident belongs in the result.
 */
export const LockdownIncidentKind = z.enum([
  'display-added',
  'display-removed',
  'display-changed',
  'window-blur',
]);
export type LockdownIncidentKind = z.infer<typeof LockdownIncidentKind>;

/**
 * Build flags the packager writes into package.json (`extraMetadata.lbtBuild` in electron-builder.yml). A
 * missing block means a development checkout.
 */
export const BuildFlags = z
  .object({
    production: z.boolean(),
    /** Devtools may be opened at all. Always false in a packaged build. */
    devtools: z.boolean(),
    /** The development publisher keys (test item packages) are trusted. Always false in a packaged build. */
    devPublisherKeys: z.boolean(),
  })
  .strict();
export type BuildFlags = z.infer<typeof BuildFlags>;

export const DEVELOPMENT_BUILD: BuildFlags = { production: false, devtools: false, devPublisherKeys: true };
