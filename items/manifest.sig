{
  "schema": "lbt.manifest-signature/1",
  "algorithm": "Ed25519",
  "keyId": "390b13e910d0b9b3d6bf1711cafd1acb360a30d6b31c3a4d612b9bd5a392f019",
  "signature": "jNyHHssKn01dHrfGdqHibpt+KsQZ42cG/8uBEzFjbJ1qpf44pdfBJWAupvBA5jZkcMql+z81OqSgC0mpfo0RAQ=="
}
