export * from './enrollment';
export * from './export-file';
export * from './problem';
export * from './receipt';
export * from './roster';
export * from './outbox';
export * from './service-link';
export * from './outbox-state';
