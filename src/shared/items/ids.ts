import { z } from 'zod';

/** Item, asset and option ids: lowercase, digits and dashes, so they are safe in paths and URLs. */
export const Id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lowercase letters, digits and dashes');

/** The five item families of the LBT, in their Dutch names (see docs/ITEMS.md). */
export const FamilyId = z.enum([
  'woorden-leren',
  'zinnen-bouwen',
  'woordvormen',
  'klanken-tekens',
  'regels-zien',
]);
export type FamilyId = z.infer<typeof FamilyId>;

/** Instruction languages: Dutch, English, Arabic, Dari/Farsi, Turkish, Ukrainian, Tigrinya, Somali, Pashto. */
export const LanguageCode = z.enum(['nl', 'en', 'ar', 'fa', 'tr', 'uk', 'ti', 'so', 'ps']);
export type LanguageCode = z.infer<typeof LanguageCode>;

/**
 * A file inside the package, relative to its root (e.g. `assets/ball.svg`). No `..`, no absolute paths,
 * no backslashes: a package can never point outside itself.
 */
export const PackagePath = z
  .string()
  .regex(/^(?!\/)(?!.*\.\.)(?!.*\\)[a-z0-9][a-z0-9._/-]*$/, 'a relative path inside the package');
export const SvgPath = PackagePath.regex(/^assets\/.+\.svg$/, 'an SVG under assets/');
export const AudioPath = PackagePath.regex(
  /^(audio|instructions)\/.+\.(wav|ogg)$/,
  'a WAV or Ogg file under audio/ or instructions/',
);

export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex sha256');
