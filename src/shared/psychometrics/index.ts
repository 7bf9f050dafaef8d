/**
 * The psychometric engine (issue 19): Rasch calibration by CML, item fit, reliability, information, the
 * raw-score-to-ability table, Mantel-Haenszel DIF, matched condition effects, classification accuracy at a cesuur
 * and modified-Angoff standard setting. Pure: runs on the service, in the CLI and in tests. docs/PSYCHOMETRICS.md.
 */
export * from './ability';
export * from './angoff';
export * from './bookmark';
export * from './calibrate';
export * from './classical';
export * from './classification';
export * from './dif';
export * from './dif-report';
export * from './fit';
export * from './matched-difference';
export * from './matrix';
export * from './normal';
export * from './plain-dutch';
export * from './rasch';
export * from './report';
export * from './responses';
