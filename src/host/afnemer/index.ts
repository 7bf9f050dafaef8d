export * from './console';
export * from './console-api';
export * from './device-gate';
export * from './handlers';
export * from './lockouts';
export * from './pin';
