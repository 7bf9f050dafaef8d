export * from './ids';
export * from './instructions';
export * from './item';
export * from './manifest';
export * from './response';
export * from './test-definition';
