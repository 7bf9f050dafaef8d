{
  "schema": "lbt.manifest-signature/1",
  "algorithm": "Ed25519",
  "keyId": "390b13e910d0b9b3d6bf1711cafd1acb360a30d6b31c3a4d612b9bd5a392f019",
  "signature": "8BeSwA1Th6z4nzBeB3tZYAkIw8uXztmHMIIc9CMTmS1aluupjfLS3s6tyPpmfYgjENfW1h/DxWZNWf45n97MCQ=="
}
