export * from './correctness';
export * from './score';
export * from './score-session';
export * from './responses-file';
export * from './rules';
