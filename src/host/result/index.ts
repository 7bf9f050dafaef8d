export { buildResultRecord, type ResultInput } from './build';
export { signResult, verifyResult } from './sign';
export { ResultReadError, ResultStore, ResultWriteError, RESULTS_DIR } from './store';
