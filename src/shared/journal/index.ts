export * from './format';
export * from './json-value';
export * from './messages';
export * from './recovery-report';
export * from './sealed-key';
