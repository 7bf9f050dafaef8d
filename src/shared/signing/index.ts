export * from './canonical';
export * from './device-identity';
export * from './envelope';
