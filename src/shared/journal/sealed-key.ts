import { z } from 'zod';

/**
 * A secret kept on disk only in sealed form (e.g. `keys/journal.key`): the bytes the key provider's `seal`
 * returned, and which provider sealed them, so a blob is never handed to a provider that cannot open it.
 */
export const SealedKeyFile = z
  .object({
    schema: z.literal('lbt.sealed-key/1'),
    purpose: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/),
    provider: z.string().min(1),
    /** base64 of the sealed bytes. */
    sealed: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/),
  })
  .strict();
export type SealedKeyFile = z.infer<typeof SealedKeyFile>;
