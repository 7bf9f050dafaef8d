/** The service's signed word that a result is stored (src/shared/results-service/receipt.ts). */
import { RECEIPT_SCHEMA, type Receipt, type SignedReceipt } from '../../shared/results-service';
import { canonicalBytes } from '../../shared/signing';
import { signEd25519 } from '../crypto/ed25519';
import type { ServerSigningKey } from '../crypto/server-key';

export function signReceipt(
  key: ServerSigningKey,
  fields: { resultId: string; deviceId: string; payloadHash: string; storedAt: string },
): SignedReceipt {
  const payload: Receipt = { schema: RECEIPT_SCHEMA, ...fields };
  return {
    payload,
    signature: signEd25519(canonicalBytes(payload), key.privateKey),
    keyId: key.pinned.keyId,
    alg: 'Ed25519',
  };
}
