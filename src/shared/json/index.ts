export { findDuplicateKey, parseStrictJson, StrictJsonError, type StrictJsonProblem } from './strict-json';
