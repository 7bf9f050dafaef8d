import { z } from 'zod';
import { Ed25519PublicKeyBase64 } from './ed25519-text';
import { KeyId } from './envelope';

/** `lbt-dev-` and the first 16 hex digits of sha256(raw public key). */
export const DeviceId = z.string().regex(/^lbt-dev-[0-9a-f]{16}$/, 'lbt-dev- and 16 hex digits');
export type DeviceId = z.infer<typeof DeviceId>;

/**
 * `<dataDir>/identity/device.json`: the device's Ed25519 key pair. The private key (PKCS#8 DER) is stored only
 * sealed by the key provider; the public parts are in the clear so they can be read without unsealing.
 */
export const DeviceIdentityFile = z
  .object({
    schema: z.literal('lbt.device-identity/1'),
    deviceId: DeviceId,
    keyId: KeyId,
    /** base64 of the raw 32-byte Ed25519 public key. */
    publicKey: Ed25519PublicKeyBase64,
    provider: z.string().min(1),
    /** base64 of the sealed PKCS#8 DER private key. */
    sealedPrivateKey: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/),
    createdAt: z.iso.datetime(),
  })
  .strict();
export type DeviceIdentityFile = z.infer<typeof DeviceIdentityFile>;
