export * from './evaluate';
export * from './facts';
export * from './merge';
export * from './outcomes';
export * from './policy';
export * from './readiness';
export * from './contract';
export * from './lockdown';
