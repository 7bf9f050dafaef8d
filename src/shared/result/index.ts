export * from './contract';
export * from './messages';
export * from './record';
export * from './recovery';
export * from './validity';
