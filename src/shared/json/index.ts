export { findDuplicateKey, parseStrictJson, StrictJsonError, type StrictJsonProblem } from './strict-json';
export { formatIssues, issueLines, jsonPath, type IssueLine } from './issues';
export { describeSyntaxError, JsonParseError, parseJson, type JsonProblem, type Parsed } from './parse-json';
