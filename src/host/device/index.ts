export * from './collect';
export * from './edid';
export * from './service';
export * from './lockdown-seam';
export * from './display-watch';
