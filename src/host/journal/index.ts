export { analyzeJournal, type Analysis, type DecodedRecord, type TornTail } from './analyze';
export {
  JournalClosedError,
  JournalRefusedError,
  JournalUsageError,
  JournalWriteError,
  type JournalWriteKind,
} from './errors';
export { Journal, type AppendReceipt, type OpenedJournal } from './journal';
export { inspectJournal, journalFileName, recoverJournal, scanJournals } from './recover';
