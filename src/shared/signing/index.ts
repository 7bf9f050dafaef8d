export * from './canonical';
export * from './device-identity';
export * from './ed25519-encoding';
export * from './ed25519-text';
export * from './envelope';
export * from './strict-base64';
