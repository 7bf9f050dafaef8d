export * from './api';
export * from './app-info';
export * from './call-result';
export * from './channels';
