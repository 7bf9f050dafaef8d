export * from './contract';
export * from './policy';
export * from './refusals';
export * from './sitting';
export * from './lockouts';
export * from './arrangement';
export * from './kiosk-time';
export * from './reference-form';
