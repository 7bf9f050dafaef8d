export { backoffDelay, backoffWindow, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
export { kickOnClose, settledBy } from './close-hook';
export { defaultExportDir, ExportError } from './export-writer';
export { outboxHandlers } from './handlers';
export { realClock, type OutboxClock } from './clock';
export { Outbox, DEFAULT_RETENTION_DAYS, type OutboxOptions } from './outbox';
export { checkReceipt, payloadHashOf } from './receipt-check';
