{
  "schema": "lbt.manifest-signature/1",
  "algorithm": "Ed25519",
  "keyId": "390b13e910d0b9b3d6bf1711cafd1acb360a30d6b31c3a4d612b9bd5a392f019",
  "signature": "BnCIdX8L2FBsMUSFXUItSBOrQ2w/6pZUfF+N6Jmyf/be/7hUNDo8fgp3ZeYvhJyMdfztnlmz9JiwfGh3nFz2AA=="
}
