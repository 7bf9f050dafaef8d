export {
  keyIdOf,
  publicKeyFromRaw,
  rawPublicKey,
  signerFromPrivateKey,
  signJson,
  verifyJson,
  type Ed25519Signer,
  type VerifyOutcome,
} from './sign';
