import { z } from 'zod';

/**
 * The form of a gemeente's candidate references (issue 20, item 6): one or more masks, optionally a check digit,
 * and an example. The results service keeps it per gemeente and sends it to the kiosks inside the signed roster;
 * the console refuses every other reference, and ingest flags a result whose reference breaks the form that was
 * in force at the sitting.
 *
 * A mask, not a regular expression: a gemeente's administrator types it, and a mask is matched one character
 * against one position, so it takes time linear in the reference whatever it says (no ReDoS is possible, there
 * is no backtracking at all). Its characters:
 *   `9` a digit, `A` a letter A-Z, `X` a letter or a digit; `-`, `.` and `/` stand for themselves.
 * Every mask needs at least one `9`: a reference made only of letters could be a name.
 */
const MASK_DIGIT = '9';
const MASK_CHARS = /^[9AX./-]+$/;

const ReferenceMask = z
  .string()
  .min(4)
  .max(24)
  .regex(MASK_CHARS, 'alleen 9 (cijfer), A (letter), X (letter of cijfer) en - . /')
  .refine(
    (mask) => mask.includes(MASK_DIGIT),
    'minstens één 9: een referentie van alleen letters kan een naam zijn',
  );

/** `elfproef`: the BSN's 11-proef (passesElfproef); `luhn`: the Luhn check digit. Over the reference's digits. */
const CheckDigit = z.enum(['geen', 'elfproef', 'luhn']);
type CheckDigit = z.infer<typeof CheckDigit>;

const CHECK_DIGIT_LABELS: Record<CheckDigit, string> = {
  geen: 'geen controlecijfer',
  elfproef: 'met 11-proef',
  luhn: 'met Luhn-controlecijfer',
};

const FormFields = z
  .object({
    masks: z.array(ReferenceMask).min(1).max(4),
    checkDigit: CheckDigit,
    /** A reference that fits, shown to the afnemer in every refusal. */
    example: z.string().min(4).max(24),
  })
  .strict();

export const ReferenceForm = FormFields.superRefine((form, context) => {
  const problem = formProblem(form, form.example);
  if (problem)
    context.addIssue({ code: 'custom', path: ['example'], message: `het voorbeeld past niet: ${problem}` });
});
export type ReferenceForm = z.infer<typeof ReferenceForm>;

/** Whether `reference` fits `mask`: one position per character, so linear in the length. */
export function fitsMask(mask: string, reference: string): boolean {
  if (mask.length !== reference.length) return false;
  for (let i = 0; i < mask.length; i++) {
    const m = mask[i]!;
    const c = reference[i]!;
    const digit = c >= '0' && c <= '9';
    const letter = c >= 'A' && c <= 'Z';
    const ok = m === '9' ? digit : m === 'A' ? letter : m === 'X' ? digit || letter : m === c;
    if (!ok) return false;
  }
  return true;
}

/**
 * The 11-proef as on the BSN: digit i (from the left, of n) weighted n - i, the last digit weighted -1; the sum is
 * a multiple of 11. The best-known Dutch check, and the one client numbers derived from it carry.
 */
export function passesElfproef(digits: string): boolean {
  if (!/^[0-9]{2,}$/.test(digits)) return false;
  let sum = -Number(digits[digits.length - 1]);
  for (let i = 0; i < digits.length - 1; i++) sum += Number(digits[i]) * (digits.length - i);
  return sum % 11 === 0;
}

/** Luhn: from the right, every second digit doubled (minus 9 above 9); the sum is a multiple of 10. */
export function passesLuhn(digits: string): boolean {
  if (!/^[0-9]{2,}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** Why a (normalised) reference breaks the form, in Dutch; null when it fits. */
function formProblem(form: z.infer<typeof FormFields>, reference: string): string | null {
  if (!form.masks.some((mask) => fitsMask(mask, reference))) return 'de vorm klopt niet';
  const digits = reference.replace(/[^0-9]/g, '');
  if (form.checkDigit === 'elfproef' && !passesElfproef(digits)) return 'de 11-proef klopt niet';
  if (form.checkDigit === 'luhn' && !passesLuhn(digits)) return 'het controlecijfer klopt niet';
  return null;
}

/** How the form reads for a person: "999999999 (9 cijfers) met 11-proef, bijvoorbeeld 123456782". */
export function describeForm(form: ReferenceForm): string {
  const masks = form.masks.map((mask) => `${mask} (${maskWords(mask)})`).join(' of ');
  const check = form.checkDigit === 'geen' ? '' : ` ${CHECK_DIGIT_LABELS[form.checkDigit]}`;
  return `${masks}${check}, bijvoorbeeld ${form.example}`;
}

function maskWords(mask: string): string {
  const digits = [...mask].filter((c) => c === '9').length;
  const letters = [...mask].filter((c) => c === 'A').length;
  const either = [...mask].filter((c) => c === 'X').length;
  const parts = [
    letters ? `${letters} ${letters === 1 ? 'letter' : 'letters'}` : '',
    digits ? `${digits} ${digits === 1 ? 'cijfer' : 'cijfers'}` : '',
    either ? `${either} letters of cijfers` : '',
  ].filter(Boolean);
  return parts.join(', ');
}

/**
 * Looks like a person's name: two or more words of letters with a space between them ("Jan de Vries 2",
 * "de Vries"). This holds with or without a configured form: a reference never contains a word followed by
 * another word, and the old behaviour of removing spaces turned such a name into a valid-looking JANDEVRIES2.
 */
export function looksLikeName(typed: string): boolean {
  return /\p{L}{2,}\s+\p{L}/u.test(typed.trim());
}

/**
 * Spaces only between digit groups may go ("123 456 782"); anything else is kept, to be refused. Case is the
 * page's business (its field shows upper case): the host takes what it is sent, so "Jansen12" stays refused.
 */
function normaliseReference(typed: string): string {
  const trimmed = typed.trim();
  return /^[0-9]+(\s+[0-9]+)*$/.test(trimmed) ? trimmed.replace(/\s+/g, '') : trimmed;
}

type ReferenceCheck = { ok: true; reference: string } | { ok: false; message: string };

/** With no form configured: the kiosk's own pattern and hint (ConsolePolicy). */
export interface ReferenceFallback {
  candidateRefPattern: string;
  candidateRefHint: string;
}

/**
 * The one check of a typed candidate reference, for the console page, the kiosk host and the results service.
 * Refuses, with a Dutch message naming the expected form and an example: anything that looks like a name, and
 * anything that breaks the gemeente's form; with no form, anything outside the kiosk's fallback pattern.
 */
export function checkCandidateReference(
  typed: string,
  form: ReferenceForm | null,
  fallback: ReferenceFallback,
): ReferenceCheck {
  const expected = form ? describeForm(form) : fallback.candidateRefHint;
  if (looksLikeName(typed))
    return {
      ok: false,
      message: `Dit lijkt een naam. Vul nooit een naam in, maar het klantnummer van de gemeente: ${expected}.`,
    };
  const reference = normaliseReference(typed);
  if (reference === '') return { ok: false, message: `Vul de kandidaatreferentie in: ${expected}.` };
  if (form) {
    const problem = formProblem(form, reference);
    if (problem)
      return {
        ok: false,
        message: `Deze kandidaatreferentie past niet (${problem}). Verwacht: ${expected}.`,
      };
    return { ok: true, reference };
  }
  // The fallback is the kiosk's own configuration (not from the network); it is still tried on the short
  // normalised text only, whose length the request schema bounds.
  if (!new RegExp(fallback.candidateRefPattern).test(reference))
    return {
      ok: false,
      message: `Deze kandidaatreferentie past niet in het voorgeschreven formaat (${expected}). Vul nooit een naam in.`,
    };
  return { ok: true, reference };
}

/** For the results service: whether a stored reference (already normalised by the kiosk) fits the form. */
export function referenceFitsForm(form: ReferenceForm, reference: string): boolean {
  return formProblem(form, reference) === null;
}
