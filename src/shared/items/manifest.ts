import { z } from 'zod';
import { Ed25519SignatureBase64 } from '../signing/ed25519-text';
import { AudioProvenance } from './audio-provenance';
import { Id, PackagePath, Sha256Hex } from './ids';

/** manifest.json: the sha256 of every file in the package except the manifest and its signature. */
export const Manifest = z
  .object({
    schema: z.literal('lbt.manifest/1'),
    packageId: Id,
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    files: z.record(PackagePath, Sha256Hex),
    /**
     * Who or what spoke each instruction audio file (copied by `lbt items sign` from the instruction files, and
     * checked against them on load), so the signature covers it. Absent only in packages signed before 2.0.0.
     */
    provenance: z.record(PackagePath, AudioProvenance).optional(),
  })
  .strict();
export type Manifest = z.infer<typeof Manifest>;

/** manifest.sig: an Ed25519 signature over the exact bytes of manifest.json, by the package publisher. */
export const ManifestSignature = z
  .object({
    schema: z.literal('lbt.manifest-signature/1'),
    algorithm: z.literal('Ed25519'),
    /** Identifies the publisher key: the sha256 (hex) of its raw 32-byte public key. */
    keyId: Sha256Hex,
    /** base64 of the 64-byte signature. */
    signature: Ed25519SignatureBase64,
  })
  .strict();
export type ManifestSignature = z.infer<typeof ManifestSignature>;
