{
  "schema": "lbt.manifest-signature/1",
  "algorithm": "Ed25519",
  "keyId": "390b13e910d0b9b3d6bf1711cafd1acb360a30d6b31c3a4d612b9bd5a392f019",
  "signature": "k+uDPAg1Dig8P+/CqbhaQ5HrZDEL4hTQ/bFMgV4vTrI8zR6PxYp4zHCHutaBALVQ+wP6+lrhfXB2+1q6S9R7Bw=="
}
